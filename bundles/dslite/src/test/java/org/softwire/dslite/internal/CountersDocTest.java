package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.softwire.dslite.AftrDropReason;

/** Every AFTR drop reason, counter label and alarm (with its threshold key) is documented in docs/counters.md. */
class CountersDocTest {
    @Test
    void everyLabelIsInCountersMd() throws Exception {
        Path doc = Path.of("../../docs/counters.md");
        String text = Files.readString(doc);
        for (AftrDropReason r : AftrDropReason.values()) {
            assertThat(text).as("docs/counters.md documents " + r.label()).contains("`" + r.label() + "`");
        }
        for (AftrCounters.Counter c : AftrCounters.Counter.values()) {
            assertThat(text).as("docs/counters.md documents " + c.label()).contains("`" + c.label() + "`");
        }
        for (org.softwire.dslite.AftrAlarm a : org.softwire.dslite.AftrAlarm.values()) {
            assertThat(text).as("docs/counters.md documents alarm " + a.label()).contains("`" + a.label() + "`")
                    .contains("`" + a.key() + "`");
        }
    }
}
