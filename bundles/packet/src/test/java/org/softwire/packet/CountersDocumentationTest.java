package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/counters.md must place every drop reason, by the label operators see, on the packet flow. */
class CountersDocumentationTest {

    private static Path countersDoc() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path doc = dir.resolve("docs/counters.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("docs/counters.md not found above " + Paths.get("").toAbsolutePath());
    }

    @Test
    void everyDropReasonHasARowInCountersDoc() throws IOException {
        String doc = Files.readString(countersDoc(), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (DropReason r : DropReason.values()) {
            if (r != DropReason.NONE && !doc.contains("| `" + r.label() + "` |")) {
                missing.add(r.label());
            }
        }
        assertThat(missing).as("drop reasons without a row in docs/counters.md").isEmpty();
    }

    @Test
    void labelsAreLowerCaseWithDashes() {
        assertThat(DropReason.UNKNOWN_REMOTE.label()).isEqualTo("unknown-remote");
        assertThat(DropReason.ECN_CE_NOT_ECT.label()).isEqualTo("ecn-ce-not-ect");
    }
}
