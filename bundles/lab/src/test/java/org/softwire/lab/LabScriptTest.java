package org.softwire.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator script {@code scripts/lab/lab.sh}, as root: up is idempotent, down removes exactly what up made. */
class LabScriptTest {
    private static final Path SCRIPT = Path.of("../../scripts/lab/lab.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        Lab.assumeRoot();
        Lab.assumeTools("ip", "ping", "/bin/bash");
    }

    @Test
    void upIsIdempotentDownRemovesExactlyWhatUpMadeAndForeignNamespacesAreLeftAlone() throws Exception {
        assertThat(SCRIPT).isExecutable();
        try (Lab lab = new Lab()) {
            String prefix = "swt" + lab.tag();
            Path etc = Files.createDirectories(dir.resolve("etc"));
            Path foreignCfg = Files.writeString(etc.resolve("org.softwire.tun-" + prefix + "b.cfg"), "name = mine\n");
            String env = "SOFTWIRE_LAB_STATE=" + dir.resolve("state");
            lab.onClose("lab.sh down", () -> lab.exec(null, Duration.ofSeconds(30), "env", env, SCRIPT.toString(),
                    "down", "v6-over-v4", "-p", prefix));
            List<String> ns = List.of(prefix + "-h1", prefix + "-r1", prefix + "-r2", prefix + "-h2");

            String up = script(lab, env, "up", "v6-over-v4", "-p", prefix, "--etc", etc.toString());
            assertThat(up).contains(prefix + " (v6-over-v4) is up");
            assertThat(Lab.allNamespaces()).containsAll(ns);
            assertThat(script(lab, env, "up", "v6-over-v4", "-p", prefix)).contains("is already up");
            // the routers route the far endpoint over the IPv4 core; hosts reach their router over IPv6
            assertThat(lab.run(ns.get(1), "ping", "-c", "1", "-W", "2", "192.0.2.2")).contains("1 received");
            assertThat(lab.run(ns.get(0), "ping", "-c", "1", "-W", "2", "2001:db8:1::1")).contains("1 received");
            assertThat(lab.run(ns.get(1), "ip", "route", "get", "192.0.2.66")).contains("via 192.0.2.2 dev core");
            assertThat(lab.run(ns.get(1), "cat", "/proc/sys/net/ipv6/conf/all/forwarding").trim()).isEqualTo("1");
            // platform configuration written, except over a file that was already there
            assertThat(Files.readString(etc.resolve("org.softwire.tun-" + prefix + "a.cfg")))
                    .contains("netns = " + prefix + "-r1", "routes = 2001:db8:2::/64, 192.0.2.65/32");
            assertThat(Files.readString(etc.resolve("org.softwire.softwire-" + prefix + "a.cfg")))
                    .contains("local = 192.0.2.65", "remote = 192.0.2.66", "encapsulation = ipv6-in-ipv4",
                            "icmp-source-v6 = 2001:db8:1::1");
            assertThat(Files.readString(foreignCfg)).isEqualTo("name = mine\n");
            assertThat(script(lab, env, "status", "v6-over-v4", "-p", prefix))
                    .contains("== " + prefix + "-r2", "192.0.2.2/30", "192.0.2.65 via 192.0.2.1 dev core");

            assertThat(script(lab, env, "down", "v6-over-v4", "-p", prefix)).contains("is down");
            assertThat(Lab.allNamespaces()).doesNotContainAnyElementsOf(ns);
            assertThat(etc.resolve("org.softwire.tun-" + prefix + "a.cfg")).doesNotExist();
            assertThat(foreignCfg).exists();
            assertThat(lab.exec(null, Duration.ofSeconds(30), "env", env, SCRIPT.toString(), "status", "v6-over-v4",
                    "-p", prefix).exit()).isEqualTo(3);

            // a namespace of that name that the script did not create: refused, left alone
            lab.run(null, "ip", "netns", "add", ns.get(2));
            lab.onClose("delete " + ns.get(2), () -> lab.run(null, "ip", "netns", "del", ns.get(2)));
            Result refused = lab.exec(null, Duration.ofSeconds(30), "env", env, SCRIPT.toString(), "up",
                    "v6-over-v4", "-p", prefix);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.stderr()).contains("namespace " + ns.get(2) + " exists but was not created by this script");
            assertThat(Lab.allNamespaces()).contains(ns.get(2)).doesNotContain(ns.get(0));
            Result usage = lab.exec(null, Duration.ofSeconds(30), SCRIPT.toString(), "up", "v5-over-v7");
            assertThat(usage.exit()).isEqualTo(2);
            assertThat(usage.stderr()).contains("unknown topology 'v5-over-v7'", "usage: lab.sh up|down|status");
        }
    }

    private static String script(Lab lab, String env, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "env";
        cmd[1] = env;
        cmd[2] = SCRIPT.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        return lab.run(null, cmd);
    }
}
