package org.softwire.dslite.internal;

import org.softwire.nat44.internal.EngineFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.softwire.dslite.internal.AftrFixture.*;
import static org.softwire.dslite.internal.Pkt.*;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.io.MemoryDevice;
import org.softwire.io.PacketQueue;
import org.softwire.packet.PacketBuffer;

/** An AFTR with its worker thread on an in-memory device: the "kernel" is the other end of the pair. */
class AftrInstanceTest {

    private static byte[] exchange(PacketQueue kernel, byte[] in) {
        PacketBuffer b = PacketBuffer.allocate(4096, PacketBuffer.DEFAULT_HEADROOM);
        b.set(in);
        assertThat(kernel.transmit(new PacketBuffer[] {b}, 0, 1)).isEqualTo(1);
        PacketBuffer[] got = {PacketBuffer.allocate(4096, PacketBuffer.DEFAULT_HEADROOM)};
        int n = kernel.receive(got, 0, 1, 2000);
        return n == 1 ? got[0].toByteArray() : null;
    }

    @Test
    void workerForwardsBothWaysOnTheDeviceAndAppliesEditsLive() {
        Map<String, Object> cfg = AftrFixture.base();
        AftrInstance aftr = new AftrInstance(AftrSettings.from(cfg), new Ipv4InIpv6Codec(), new EngineFactory());
        try (MemoryDevice.Pair pair = MemoryDevice.pair("aftr0", "kernel", 1500, 64)) {
            aftr.attach(pair.a());
            PacketQueue kernel = pair.b().queue(0);
            byte[] out = exchange(kernel, fromB4(B4, udp(HOST, 4000, SERVER, 53, 100, false)));
            assertThat(out).isNotNull();
            assertThat(v4At(out, 12)).isEqualTo(POOL);
            int port = u16(out, 20);
            byte[] back = exchange(kernel, udp(SERVER, 53, POOL, port, 50, false));
            assertThat(v6At(back, 24)).isEqualTo(B4);
            assertThat(u16(inner(back), 22)).isEqualTo(4000);
            assertThat(aftr.running()).isTrue();
            assertThat(aftr.sessionCount()).isEqualTo(1);

            // live: the B4's prefix is withdrawn -> unprovisioned; the NAT keeps its session (same pool)
            cfg.put("b4-prefixes", "2001:db8:0:8::/64");
            aftr.configure(AftrSettings.from(cfg));
            assertThat(exchange(kernel, fromB4(B4, udp(HOST, 4000, SERVER, 53, 100, false)))).isNull();
            assertThat(aftr.drops()).containsEntry("unprovisioned-b4", 1L);
            assertThat(aftr.sessionCount()).isEqualTo(1);

            // the codec goes: counted, nothing forwarded; back: forwarding resumes
            aftr.codec(null);
            assertThat(exchange(kernel, udp(SERVER, 53, POOL, port, 50, false))).isNull();
            assertThat(aftr.drops()).containsEntry("no-codec", 1L);
            aftr.codec(new Ipv4InIpv6Codec());
            assertThat(exchange(kernel, udp(SERVER, 53, POOL, port, 50, false))).isNotNull();

            // clear by B4
            assertThat(aftr.clear(B4)).isEqualTo(1);
            assertThat(aftr.sessionCount()).isZero();
            assertThatThrownBy(() -> aftr.clear("192.0.2.1")).hasMessageContaining("not an IPv6 address");

            // a new pool applies live: the B4's session stays on 192.0.2.1 (draining), a new B4 gets the new pool
            cfg.put("b4-prefixes", "2001:db8:0::/56");
            aftr.configure(AftrSettings.from(cfg));
            byte[] opened = exchange(kernel, fromB4(B4, udp(HOST, 4000, SERVER, 53, 100, false)));
            int kept = u16(opened, 20);
            cfg.put("pool", "192.0.2.64/30");
            aftr.configure(AftrSettings.from(cfg));
            assertThat(aftr.sessionCount()).isEqualTo(1);
            byte[] still = exchange(kernel, udp(SERVER, 53, POOL, kept, 50, false));
            assertThat(v6At(still, 24)).isEqualTo(B4);
            assertThat(aftr.poolUsage()).extracting(org.softwire.dslite.PoolAddressUsage::address,
                    org.softwire.dslite.PoolAddressUsage::draining).contains(
                    org.assertj.core.groups.Tuple.tuple("192.0.2.1", true),
                    org.assertj.core.groups.Tuple.tuple("192.0.2.64", false));
            byte[] other = exchange(kernel, fromB4(B4_2, udp(HOST, 4000, SERVER, 53, 100, false)));
            assertThat(v4At(other, 12)).startsWith("192.0.2.6");
            // a new session table size still rebuilds the NAT (sessions lost, logged)
            cfg.put("capacity", "8192");
            aftr.configure(AftrSettings.from(cfg));
            assertThat(aftr.sessionCount()).isZero();
            assertThat(aftr.poolUsage()).extracting(org.softwire.dslite.PoolAddressUsage::address)
                    .containsExactly("192.0.2.64", "192.0.2.65", "192.0.2.66", "192.0.2.67");
        } finally {
            aftr.close();
        }
        assertThat(aftr.running()).isFalse();
    }

    @Test
    void settingsRefuseBadValuesNamingTheKey() {
        Map<String, Object> cfg = new HashMap<>(AftrFixture.base());
        cfg.put("aftr-address", "192.0.2.1");
        assertThatThrownBy(() -> AftrSettings.from(cfg)).hasMessageContaining("aftr-address");
        cfg.put("aftr-address", AFTR);
        cfg.put("b4-prefixes", "2001:db8:0:1::1/64");
        assertThatThrownBy(() -> AftrSettings.from(cfg)).hasMessageContaining("b4-prefixes").hasMessageContaining("host bits");
        cfg.put("b4-prefixes", "");
        assertThatThrownBy(() -> AftrSettings.from(cfg)).hasMessageContaining("b4-prefixes is required");
        cfg.put("b4-prefixes", "2001:db8::/32");
        cfg.put("pool", "192.0.2.0/24, 192.0.2.128/25");
        assertThatThrownBy(() -> AftrSettings.from(cfg)).hasMessageContaining("overlap");
        cfg.put("pool", POOL);
        cfg.put("mss-clamp", "100");
        assertThatThrownBy(() -> AftrSettings.from(cfg)).hasMessageContaining("mss-clamp");
        cfg.put("mss-clamp", "0");
        cfg.put("udp-timeout", "60");
        assertThatThrownBy(() -> AftrSettings.from(cfg)).hasMessageContaining("RFC 4787 REQ-5");
        cfg.put("udp-timeout", "300");
        cfg.put("filtering", "random");
        assertThatThrownBy(() -> AftrSettings.from(cfg)).hasMessageContaining("filtering");
        cfg.put("filtering", "address-dependent");
        assertThat(AftrSettings.from(cfg).nat().filtering()).isEqualTo(org.softwire.nat44.Filtering.ADDRESS_DEPENDENT);
    }
}
