package org.softwire.dhcpv6.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dhcpv6.server.internal.Fixtures.CLIENT;
import static org.softwire.dhcpv6.server.internal.Fixtures.CLIENT2;
import static org.softwire.dhcpv6.server.internal.Fixtures.SERVER_ID;
import static org.softwire.dhcpv6.server.internal.Fixtures.msg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.option.IaAddressOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.IaPdOption;
import org.softwire.dhcpv6.option.RapidCommitOption;
import org.softwire.dhcpv6.server.Lease;

class LeaseStoreTest {
    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong(1_000_000);

    private static Lease lease(String addr, long iaid, long expires) {
        return new Lease(Lease.Kind.NA, Octets.ofHex("000300010a0000000001"), iaid, new Ipv6Prefix(
                Addresses.parseIpv6(addr), 128), 3000, 4000, expires, "lan", Lease.State.ACTIVE);
    }

    @Test
    void leasesSurviveARestartAndExpiredOnesAreDropped() throws Exception {
        Path file = dir.resolve("s.leases");
        try (LeaseStore s = new LeaseStore(file, now::get)) {
            s.put(lease("2001:db8:1::100", 1, 1_004_000));
            s.put(lease("2001:db8:1::101", 2, 1_000_500));
            s.put(lease("2001:db8:1::102", 3, 1_004_000));
            s.remove(Ipv6Prefix.parse("2001:db8:1::102/128"));
            s.put(lease("2001:db8:1::103", 1, 1_005_000)); // IA 1 moves: ::100 goes
        }
        now.set(1_001_000);
        try (LeaseStore s = new LeaseStore(file, now::get)) {
            assertThat(s.all()).containsExactly(lease("2001:db8:1::103", 1, 1_005_000));
            assertThat(s.byIa(new LeaseStore.IaKey(Lease.Kind.NA, Octets.ofHex("000300010a0000000001"), 1)))
                    .isEqualTo(lease("2001:db8:1::103", 1, 1_005_000));
            assertThat(s.free(Ipv6Prefix.parse("2001:db8:1::100/128"))).isTrue();
        }
        // compacted on load: the live lease only, no temp file left
        assertThat(Files.readAllLines(file)).containsExactly(LeaseStore.format(lease("2001:db8:1::103", 1, 1_005_000)));
        assertThat(Files.exists(dir.resolve("s.leases.tmp"))).isFalse();
    }

    @Test
    void aDamagedLineIsSkippedAndCountedTheRestLoads() throws Exception {
        Path file = dir.resolve("s.leases");
        Files.writeString(file, LeaseStore.format(lease("2001:db8:1::100", 1, 1_004_000)) + "\n+\tNA\tzz\n"
                + "garbage\n-\tnot-a-prefix\n", StandardCharsets.UTF_8);
        try (LeaseStore s = new LeaseStore(file, now::get)) {
            assertThat(s.all()).containsExactly(lease("2001:db8:1::100", 1, 1_004_000));
            assertThat(s.skippedLines()).isEqualTo(3);
        }
    }

    @Test
    void aServerRestartKeepsItsDuidAndTheClientsBindingForRenew() throws Exception {
        Map<String, Object> cfg = Map.of("name", "srv", "lease-dir", dir.toString(), "interfaces", "eth0");
        List<SubnetSettings> subnets = List.of(Fixtures.subnet(Map.of("server", "srv")));
        String duid;
        String leased;
        try (ServerInstance a = new ServerInstance(ServerSettings.from(cfg), Fixtures.REGISTRY, () -> subnets,
                now::get)) {
            duid = a.duid();
            Dhcpv6Message r = a.engine().handle(msg(MessageType.SOLICIT, CLIENT, new RapidCommitOption(),
                    new IaNaOption(7, 0, 0, List.of()), new IaPdOption(8, 0, 0, List.of())),
                    new ServerEngine.Ingress("eth0", true)).orElseThrow();
            leased = r.option(IaNaOption.class).orElseThrow().addresses().get(0).address().getHostAddress();
            assertThat(a.leases()).hasSize(2);
        }
        assertThat(Files.readString(dir.resolve("srv.duid")).trim()).isEqualTo(duid);
        assertThat(duid).startsWith("0004");
        try (ServerInstance b = new ServerInstance(ServerSettings.from(cfg), Fixtures.REGISTRY, () -> subnets,
                now::get)) {
            assertThat(b.duid()).isEqualTo(duid);
            assertThat(b.leases()).extracting(Lease::kind).containsExactlyInAnyOrder(Lease.Kind.NA, Lease.Kind.PD);
            var sid = new org.softwire.dhcpv6.option.ServerIdOption(new org.softwire.dhcpv6.option.Duid.Other(4,
                    Octets.ofHex(duid.substring(4))));
            Dhcpv6Message renew = b.engine().handle(msg(MessageType.RENEW, CLIENT, sid, new IaNaOption(7, 0, 0,
                    List.of(new IaAddressOption(Addresses.parseIpv6(leased), 0, 0, List.of())))),
                    new ServerEngine.Ingress("eth0", true)).orElseThrow();
            assertThat(renew.option(IaNaOption.class).orElseThrow().addresses().get(0).address().getHostAddress())
                    .isEqualTo(leased);
            // another client does not get the persisted address
            Dhcpv6Message other = b.engine().handle(msg(MessageType.SOLICIT, CLIENT2, new IaNaOption(1, 0, 0,
                    List.of(new IaAddressOption(Addresses.parseIpv6(leased), 0, 0, List.of())))),
                    new ServerEngine.Ingress("eth0", true)).orElseThrow();
            assertThat(other.option(IaNaOption.class).orElseThrow().addresses().get(0).address().getHostAddress())
                    .isNotEqualTo(leased);
            assertThat(b.removeLease(leased)).isEqualTo(1);
            assertThat(b.leases()).extracting(Lease::kind).containsExactly(Lease.Kind.PD);
        }
        assertThat(SERVER_ID).isNotNull();
    }
}
