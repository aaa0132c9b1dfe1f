package org.softwire.encap.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.softwire.encap.CodecInfo;
import org.softwire.encap.CodecRegistry;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.packet.IpFamily;
import org.junit.jupiter.api.Test;

/** The commands print the tables of {@link CodecTables} for what the registry holds now. */
class CommandsTest {
    /** A registry that only lists. */
    static CodecRegistry registry(List<CodecInfo> infos) {
        return new CodecRegistry() {
            @Override public EncapsulationCodec codec(String name) { return null; }
            @Override public EncapsulationCodec find(IpFamily outer, IpFamily payload, int protocol) { return null; }
            @Override public List<CodecInfo> codecs() { return infos; }
            @Override public void addListener(Listener listener) { }
            @Override public void removeListener(Listener listener) { }
        };
    }

    private static String capture(ThrowingRunnable action) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void codecsVerbosePrintsTheCodecsThenTheDropsByReason() throws Exception {
        CodecsCommand cmd = new CodecsCommand();
        cmd.registry = registry(CodecTablesTest.sample());
        cmd.verbose = true;
        String out = capture(cmd::execute);
        assertThat(out).contains("Encap bytes", "org.softwire.encap.codecs", "gre-key-mismatch", "RFC 2890 §2.1");
        assertThat(out.indexOf("Encap bytes")).isLessThan(out.indexOf("gre-key-mismatch"));
    }

    @Test
    void codecsWithoutVerboseHasNoDropTable() throws Exception {
        CodecsCommand cmd = new CodecsCommand();
        cmd.registry = registry(CodecTablesTest.sample());
        String out = capture(cmd::execute);
        assertThat(out).contains("ipv4-in-ipv6").doesNotContain("gre-key-mismatch", "Encap bytes");
    }

    @Test
    void codecShowsOneCodecAndRefusesUnknownNames() throws Exception {
        CodecCommand cmd = new CodecCommand();
        cmd.registry = registry(CodecTablesTest.sample());
        cmd.name = "gre-ipv4";
        String out = capture(cmd::execute);
        assertThat(out).contains("Payload families", "ipv4, ipv6", "gre-bad-checksum").doesNotContain("packet-too-big");

        cmd.name = "nope";
        assertThatThrownBy(cmd::execute).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void completerOffersTheRegisteredNames() {
        CodecNameCompleter completer = new CodecNameCompleter();
        completer.registry = registry(CodecTablesTest.sample());
        List<String> candidates = new ArrayList<>();
        org.apache.karaf.shell.api.console.CommandLine line = new org.apache.karaf.shell.api.console.CommandLine() {
            @Override public int getCursorArgumentIndex() { return 0; }
            @Override public String getCursorArgument() { return "ipv"; }
            @Override public int getArgumentPosition() { return 3; }
            @Override public String[] getArguments() { return new String[] {"ipv"}; }
            @Override public int getBufferPosition() { return 3; }
            @Override public String getBuffer() { return "ipv"; }
        };
        completer.complete(null, line, candidates);
        assertThat(candidates).extracting(String::trim).containsExactlyInAnyOrder("ipv4-in-ipv6", "ipv6-in-ipv4");
    }
}
