package org.softwire.dhcpv6.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softwire.lab.Background;
import org.softwire.lab.Lab;

/**
 * Two namespaces joined by a veth: {@code srv} (eth0, 2001:db8:1::1/64) where our server listens, {@code cli}
 * (eth0, link-local only, plus 2001:db8:1::2/64 for the relay test) for the clients. A pcap of UDP 546/547 on the
 * server side is checked by tshark at the end.
 */
final class ServerLab implements AutoCloseable {
    final Lab lab = new Lab();
    final String srv;
    final String cli;
    final Path dir;
    private Background tshark;
    private final Path pcap;

    ServerLab(Path dir) {
        this.dir = dir;
        srv = lab.netns("srv");
        cli = lab.netns("cli");
        lab.veth(srv, "eth0", cli, "eth0");
        lab.address(srv, "eth0", "2001:db8:1::1/64");
        lab.awaitLinkLocal(srv, "eth0");
        lab.awaitLinkLocal(cli, "eth0");
        pcap = dir.resolve("dhcp6.pcap");
    }

    /** Starts tshark on the server's interface, writing the pcap. */
    void capture() {
        tshark = lab.spawn(srv, "tshark", "-n", "-i", "eth0", "-f", "udp port 546 or udp port 547", "-w",
                pcap.toString());
        tshark.awaitOutput("Capturing on", Duration.ofSeconds(30));
        Lab.waitFor(() -> tshark.stderr().contains("File:") || !tshark.isAlive(), Duration.ofSeconds(10));
    }

    /**
     * Stops the capture and decodes it: one row per DHCPv6 datagram, {@code srcport|msgtypes|malformed|expert|source}.
     */
    List<String[]> decoded() {
        sleep(500);
        tshark.stop();
        // UDP checksums are the kernel's (and only partial in a capture of a veth's sending side): not checked
        String out = lab.run(null, "tshark", "-r", pcap.toString(), "-n", "-T", "fields", "-E", "separator=|", "-E",
                "occurrence=a", "-E", "aggregator=;", "-e", "udp.srcport", "-e", "dhcpv6.msgtype", "-e",
                "_ws.malformed", "-e", "_ws.expert.message", "-e", "ipv6.src");
        List<String[]> rows = new ArrayList<>();
        out.lines().forEach(l -> rows.add(l.split("\\|", -1)));
        return rows;
    }

    /** A shell script that appends its environment to {@code out} (dhclient/dhcpcd -sf/-c; configures nothing). */
    Path dumpScript(String name, Path out) throws IOException {
        Path s = dir.resolve(name);
        Files.writeString(s, "#!/bin/sh\n{ echo \"=== reason=$reason\"; env | grep -E '^(new_|old_|reason|interface)' "
                + "| sort; } >> " + out + "\nexit 0\n");
        s.toFile().setExecutable(true);
        return s;
    }

    static Map<String, String> lastBlock(String dump, String reason) {
        int at = dump.lastIndexOf("=== reason=" + reason);
        if (at < 0) {
            return Map.of();
        }
        String block = dump.substring(at);
        int next = block.indexOf("===", 3);
        if (next > 0) {
            block = block.substring(0, next);
        }
        Map<String, String> m = new java.util.HashMap<>();
        block.lines().skip(1).forEach(l -> {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.put(l.substring(0, eq), l.substring(eq + 1));
            }
        });
        return m;
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        lab.close();
    }
}
