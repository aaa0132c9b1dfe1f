package org.softwire.nat44;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/counters.md must list every NAT44 drop reason and counter by its label. */
class CountersDocumentationTest {

    private static String doc() throws IOException {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path doc = dir.resolve("docs/counters.md");
            if (Files.isRegularFile(doc)) {
                return Files.readString(doc, StandardCharsets.UTF_8);
            }
            dir = dir.getParent();
        }
        throw new AssertionError("docs/counters.md not found");
    }

    @Test
    void everyNatDropReasonHasARow() throws IOException {
        String doc = doc();
        List<String> missing = new ArrayList<>();
        for (Nat44DropReason r : Nat44DropReason.values()) {
            if (r != Nat44DropReason.NONE && !doc.contains("| `" + r.label() + "` |")) {
                missing.add(r.label());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyCounterIsDocumented() throws IOException {
        String doc = doc();
        List<String> missing = new ArrayList<>();
        for (Nat44Counter c : Nat44Counter.values()) {
            if (!doc.contains("`" + c.label() + "`")) {
                missing.add(c.label());
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Nat44Counter.TOTAL_PORT_MAPPINGS.label()).isEqualTo("total-port-mappings");
        assertThat(Nat44DropReason.ICMP_ERROR_NO_MAPPING.label()).isEqualTo("icmp-error-no-mapping");
    }
}
