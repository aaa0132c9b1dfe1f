package org.softwire.dhcpv6.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.softwire.dhcpv6.internal.OptionRegistryImpl;
import org.softwire.dhcpv6.options.internal.StandardOptionCodecs;

/**
 * Our DHCPv6 server as a plain process, without OSGi or Karaf, for {@code benchmarks/e2e/dhcpv6-bench.sh}: the same
 * {@link ServerInstance} (engine, lease journal, JNA sockets) the {@code ServerComponent} runs, configured from the
 * same keys as {@code etc/org.softwire.dhcpv6.server-*.cfg} and {@code etc/org.softwire.dhcpv6.subnet-*.cfg}. It
 * lives in the server's internal package (the benchmarks jar is a plain classpath, not a bundle).
 *
 * <pre>
 * ip netns exec NS java -cp benchmarks/target/benchmarks.jar \
 *     org.softwire.dhcpv6.server.internal.Dhcpv6ServerMain server.cfg subnet.cfg [subnet.cfg...]
 * </pre>
 *
 * <p>Prints {@code READY <interface> listening} per interface once its socket is open, runs until SIGTERM/SIGINT,
 * then prints {@code COUNTERS received=... sent=... drops=... leases=N} and closes the journal.
 */
public final class Dhcpv6ServerMain {
    private Dhcpv6ServerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: Dhcpv6ServerMain server.cfg subnet.cfg [subnet.cfg...]");
            System.exit(2);
        }
        ServerSettings settings = ServerSettings.from(load(Path.of(args[0])));
        List<SubnetSettings> subnets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            subnets.add(SubnetSettings.from(load(Path.of(args[i]))));
        }
        List<SubnetSettings> all = List.copyOf(subnets);
        ServerInstance server = new ServerInstance(settings, OptionRegistryImpl.of(StandardOptionCodecs.all()),
                () -> all, () -> System.currentTimeMillis() / 1000);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("COUNTERS received=" + server.received() + " sent=" + server.sent() + " drops="
                    + server.dropsByReason() + " leases=" + server.leases().size());
            server.close();
            stopped.countDown();
        }));
        server.start();
        server.interfaces().forEach((iface, state) -> System.out.println("READY " + iface + " " + state));
        System.out.flush();
        stopped.await();
    }

    private static Map<String, Object> load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, Object> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v.toString().trim()));
        return m;
    }
}
