package org.softwire.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the lab that need no root: names, commands on the host, background programs, clean-up order. */
class LabTest {
    @Test
    void namesAreUniqueShortAndCarryTheTag() {
        try (Lab lab = new Lab()) {
            String a = lab.name("swtun");
            String b = lab.name("swtun");
            assertThat(a).startsWith("swtun" + lab.tag()).hasSizeLessThanOrEqualTo(15).isNotEqualTo(b);
            assertThat(lab.tag()).matches("[0-9a-f]{5}");
            assertThatThrownBy(() -> lab.name("muchtoolongname")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("longer than 15 characters");
            assertThatThrownBy(() -> lab.netns("Bad-Role")).hasMessageContaining("1-8 lower-case letters or digits");
        }
        // two labs (two concurrent test runs) do not share a tag, so their names differ
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try (Lab lab = new Lab()) {
                tags.add(lab.tag());
            }
        }
        assertThat(tags).doesNotHaveDuplicates();
    }

    @Test
    void execDrainsStdoutAndStderrAtTheSameTime() {
        // 1 MB on stderr before anything on stdout: reading stdout to its end first would block forever
        // (the child blocks on the full stderr pipe), as the old helpers did
        try (Lab lab = new Lab()) {
            Result r = lab.exec(null, Duration.ofSeconds(20), "sh", "-c",
                    "head -c 1000000 /dev/zero | tr '\\0' e >&2; echo done; exit 3");
            assertThat(r.timedOut()).isFalse();
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("done\n");
            assertThat(r.stderr()).hasSize(1_000_000).matches("e+");
            assertThat(r.ok()).isFalse();
        }
    }

    @Test
    void aFailureOrATimeoutThrowsWithBothOutputsWhenAsked() {
        try (Lab lab = new Lab()) {
            assertThat(lab.run(null, "sh", "-c", "echo out; echo err >&2")).isEqualTo("out\n");
            assertThatThrownBy(() -> lab.run(null, "sh", "-c", "echo partial; echo broken >&2; exit 2"))
                    .isInstanceOf(LabException.class)
                    .hasMessageContaining("sh -c")
                    .hasMessageContaining("exit 2")
                    .hasMessageContaining("partial")
                    .hasMessageContaining("broken");

            long t0 = System.nanoTime();
            // sh forks sleep, which holds the pipes: it is stopped too, so this ends soon after the timeout
            Result r = lab.exec(null, Duration.ofMillis(500), "sh", "-c", "echo started; echo warn >&2; sleep 30");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(r.timedOut()).isTrue();
            assertThat(r.exit()).isEqualTo(-1);
            assertThat(r.stdout()).isEqualTo("started\n");
            assertThat(r.stderr()).isEqualTo("warn\n");
            assertThatThrownBy(r::check).hasMessageContaining("timed out").hasMessageContaining("started")
                    .hasMessageContaining("warn");
            assertThatThrownBy(() -> lab.run(null, "no-such-program-swlab"))
                    .hasMessageContaining("no-such-program-swlab: cannot start");
        }
    }

    @Test
    void backgroundProgramsAreStoppedByPidOnCloseEvenWhenTheyIgnoreSigterm() {
        Background polite;
        Background stubborn;
        List<ProcessHandle> children;
        try (Lab lab = new Lab()) {
            polite = lab.spawn(null, "sleep", "600");
            // SIG_IGN survives exec: sh and its sleep both ignore SIGTERM, so only SIGKILL ends them
            stubborn = lab.spawn(null, "sh", "-c", "trap '' TERM; echo ready; sleep 600; echo never");
            stubborn.awaitOutput("ready", Duration.ofSeconds(10));
            assertThat(Lab.waitFor(() -> ProcessHandle.of(stubborn.pid()).orElseThrow().children().count() == 1,
                    Duration.ofSeconds(10))).isTrue();
            children = ProcessHandle.of(stubborn.pid()).orElseThrow().children().toList();
            assertThat(polite.isAlive()).isTrue();
            assertThat(stubborn.isAlive()).isTrue();
        }
        assertThat(polite.isAlive()).isFalse();
        assertThat(stubborn.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(stubborn.stdout()).isEqualTo("ready\n");
    }

    @Test
    void awaitOutputFailsWithTheOutputWhenTheProgramEndsFirst() {
        try (Lab lab = new Lab()) {
            Background b = lab.spawn(null, "sh", "-c", "echo 'no such interface' >&2; exit 1");
            assertThatThrownBy(() -> b.awaitOutput("Capturing on", Duration.ofSeconds(10)))
                    .hasMessageContaining("'Capturing on' not seen")
                    .hasMessageContaining("process ended with 1")
                    .hasMessageContaining("no such interface");
            assertThat(b.awaitExit(Duration.ofSeconds(5))).isEqualTo(1);
        }
    }

    @Test
    void closeUndoesInReverseOrderAndContinuesPastFailures() {
        List<String> done = new ArrayList<>();
        Lab lab = new Lab();
        lab.onClose("first", () -> done.add("first"));
        lab.onClose("second", () -> {
            done.add("second");
            throw new IllegalStateException("device busy");
        });
        lab.onClose("third", () -> done.add("third"));
        assertThatThrownBy(lab::close).isInstanceOf(LabException.class)
                .hasMessageContaining("1 clean-up step(s) failed")
                .hasMessageContaining("second: device busy");
        assertThat(done).containsExactly("third", "second", "first");
        lab.close(); // nothing left: a second close does nothing
        assertThat(done).hasSize(3);
        assertThatThrownBy(() -> lab.onClose("late", () -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void waitForPollsUntilTrueOrTimeout() {
        long t0 = System.nanoTime();
        assertThat(Lab.waitFor(() -> System.nanoTime() - t0 > 100_000_000L, Duration.ofSeconds(5))).isTrue();
        assertThat(Lab.waitFor(() -> false, Duration.ofMillis(100))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void missingToolsSayWhatToInstallAndCiTurnsASkipIntoAFailure() {
        assertThat(Lab.missingTools("sh", "/bin/sh")).isEmpty();
        assertThat(Lab.missingTools("sh", "no-such-tool-swlab", "/no/such/python3"))
                .hasSize(2)
                .first().asString().startsWith("needs no-such-tool-swlab: install it (not on [");
        assertThat(Tools.hint("tshark")).isEqualTo("needs tshark: apt-get install tshark");
        assertThat(Tools.hint("ping")).isEqualTo("needs ping: apt-get install iputils-ping");
        assertThat(Tools.hint("/dev/net/tun")).startsWith("needs /dev/net/tun: modprobe tun");
        assertThat(Tools.verdict(List.of(), true)).isEqualTo(Tools.Verdict.RUN);
        assertThat(Tools.verdict(List.of("needs tshark: apt-get install tshark"), false)).isEqualTo(Tools.Verdict.SKIP);
        assertThat(Tools.verdict(List.of("needs tshark: apt-get install tshark"), true)).isEqualTo(Tools.Verdict.FAIL);
        assertThat(Tools.find("sh")).isPresent();
    }

    @Test
    void captureCommandPrintsTheFieldsOnePacketPerLine() {
        assertThat(Capture.command("core", "ip6 proto 4", 6, "ipv6.src", "ipv6.dst")).containsExactly(
                "tshark", "-n", "-l", "-i", "core", "-f", "ip6 proto 4", "-c", "6", "-T", "fields",
                "-E", "separator=,", "-E", "occurrence=f", "-e", "ipv6.src", "-e", "ipv6.dst");
        assertThat(Capture.command("eth0", null, 0, "ip.src")).containsExactly("tshark", "-n", "-l", "-i", "eth0",
                "-T", "fields", "-E", "separator=,", "-E", "occurrence=f", "-e", "ip.src");
        assertThat(Capture.fields("192.0.2.1,192.0.2.2,")).containsExactly("192.0.2.1", "192.0.2.2", "");
    }
}
