package org.softwire.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/counters.md must list every BGP error reason by its label, with its action. */
class BgpCountersDocumentationTest {

    @Test
    void everyReasonHasARowInCountersDoc() throws IOException {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/counters.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/counters.md above the module").isNotNull();
        String doc = Files.readString(dir.resolve("docs/counters.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (BgpErrorReason r : BgpErrorReason.values()) {
            if (!doc.contains("| `" + r.label() + "` | " + r.action().label() + " |")) {
                missing.add(r.label());
            }
        }
        assertThat(missing).as("BGP reasons without a row '| `label` | action |' in docs/counters.md").isEmpty();
    }
}
