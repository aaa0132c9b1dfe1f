package org.softwire.dhcpv6.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softwire.lab.Lab;

/** docs/counters.md must list every server drop reason by its label, with its description. */
class ServerDocumentationTest {
    @Test
    void everyReasonHasARowInCountersDoc() throws IOException {
        String doc = Files.readString(Lab.projectFile("docs/counters.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (ServerDropReason r : ServerDropReason.values()) {
            if (!doc.contains("| `" + r.label() + "` | " + r.description() + " | " + r.reference() + " |")) {
                missing.add(r.label());
            }
        }
        assertThat(missing).as("server drop reasons without their row in docs/counters.md").isEmpty();
    }
}
