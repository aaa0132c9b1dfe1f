package org.softwire.nat44.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.DeterministicConfig;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44EngineFactory;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.SubscriberUsage;
import org.softwire.nat44.Verdict;
import org.softwire.nat44.internal.alloc.PortBlockLog;
import org.softwire.packet.PacketBuffer;

/**
 * The engine factory and the state hand-over (issue 4 item 4): a successor engine, from the same classes or from
 * another class loader (an updated bundle), continues every mapping, session, port block and counter; a changed
 * pool is migrated; a state that does not fit is refused whole.
 */
class EngineFactoryTest {
    private static final long B4_HI = 0x20010db800000001L; // 2001:db8:0:1::1 (RFC 6333 Appendix B)
    private static final long B4_LO = 1;
    private static final long B4B_HI = 0x20010db800000003L;
    private static final int HOST = ip(10, 0, 0, 1);
    private static final int SERVER = ip(198, 51, 100, 1);
    private static final Nat44Config NAT = Nat44Config.builder().capacity(4096).maxSubscribers(64).build();
    private static final AllocatorConfig POOL = AllocatorConfig.builder().pool("192.0.2.1", "192.0.2.2")
            .blockSize(512).portQuota(1024).maxSubscribers(64).build();

    private final List<String> blockLog = new ArrayList<>();
    private final PortBlockLog log = (allocated, hi, lo, protocol, address, first, last, time) ->
            blockLog.add((allocated ? "+" : "-") + protocol + ":" + first);
    private long now = 1_700_000_000_000L;
    private final List<String> parameters = new ArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void captureParameterLog() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.softwire.nat44.deterministic");
        l.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                parameters.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void aSuccessorContinuesEveryMappingSessionBlockAndCounter() {
        EngineFactory factory = new EngineFactory(log);
        Nat44Translator a = factory.create(NAT, POOL);
        long[] ext = new long[20];
        for (int i = 0; i < ext.length; i++) {
            ext[i] = outbound(a, i < 10 ? B4_HI : B4B_HI, 40000 + i);
        }
        int sessions = a.sessionCount();
        PoolUsage usage = a.poolUsage(now);
        SubscriberUsage sub = a.subscriberUsage(B4_HI, B4_LO);
        Map<String, Long> counters = a.counters();
        int logged = blockLog.size();

        Nat44Translator b = new EngineFactory(log).adopt(NAT, POOL, a.detachState(), now);

        assertThat(b.sessionCount()).isEqualTo(sessions).isEqualTo(20);
        assertThat(b.poolUsage(now)).isEqualTo(usage);
        assertThat(b.subscriberUsage(B4_HI, B4_LO)).isEqualTo(sub);
        assertThat(b.counters()).isEqualTo(counters);
        // the same flows keep their external endpoints, no session is created, no block allocated
        for (int i = 0; i < ext.length; i++) {
            assertThat(outbound(b, i < 10 ? B4_HI : B4B_HI, 40000 + i)).isEqualTo(ext[i]);
        }
        assertThat(b.counter(Nat44Counter.SESSIONS_CREATED)).isEqualTo(counters.get(
                Nat44Counter.SESSIONS_CREATED.label()));
        // replies from the server reach the right subscriber
        PacketBuffer reply = PacketBuffer.of(udp(SERVER, 53, (int) (ext[12] >>> 16), (int) (ext[12] & 0xFFFF)));
        assertThat(b.inbound(reply, now)).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(b.subscriberKeyHi()).isEqualTo(B4B_HI);
        // a new flow gets a port from the subscriber's existing block, no new block
        long fresh = outbound(b, B4_HI, 41000);
        assertThat(fresh >>> 16).isEqualTo(ext[0] >>> 16);
        assertThat(blockLog).hasSize(logged);
        // and the old engine is dead
        assertThatThrownBy(a::detachState).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEngineFromAnotherClassLoaderAdoptsTheState() throws Exception {
        Nat44Translator a = new EngineFactory(log).create(NAT, POOL);
        long e1 = outbound(a, B4_HI, 40001);
        Nat44EngineFactory other = isolatedFactory();
        assertThat(other.getClass()).isNotSameAs(EngineFactory.class);
        assertThat(other.getClass().getName()).isEqualTo(EngineFactory.class.getName());

        Nat44Translator b = other.adopt(NAT, POOL, a.detachState(), now);

        assertThat(b.getClass().getClassLoader()).isSameAs(other.getClass().getClassLoader());
        assertThat(b.sessionCount()).isEqualTo(1);
        assertThat(outbound(b, B4_HI, 40001)).isEqualTo(e1);
        // and back again, into this loader's classes
        Nat44Translator c = new EngineFactory(log).adopt(NAT, POOL, b.detachState(), now);
        assertThat(outbound(c, B4_HI, 40001)).isEqualTo(e1);
        assertThat(c.subscriberUsage(B4_HI, B4_LO).udpPorts()).isEqualTo(1);
    }

    @Test
    void aChangedPoolIsMigratedAndAnAddressInUseDrains() {
        Nat44Translator a = new EngineFactory(log).create(NAT, POOL);
        long e1 = outbound(a, B4_HI, 40001); // paired with 192.0.2.1 (the first address)
        AllocatorConfig moved = AllocatorConfig.builder().pool("192.0.2.2", "192.0.2.3").blockSize(512)
                .portQuota(1024).maxSubscribers(64).build();

        Nat44Translator b = new EngineFactory(log).adopt(NAT, moved, a.detachState(), now);

        assertThat(outbound(b, B4_HI, 40001)).isEqualTo(e1);
        assertThat(b.poolUsage(now).addresses()).extracting(PoolUsage.Address::address, PoolUsage.Address::draining)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("192.0.2.2", false),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.3", false),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.1", true));
        assertThat(b.hasDrainedAddress()).isFalse();
        // once its only subscriber's sessions are gone and the hold-downs over, the address has drained
        b.clearAll(now);
        now += 300_000;
        b.expire(now);
        assertThat(b.hasDrainedAddress()).isTrue();
        Nat44Translator c = new EngineFactory(log).adopt(NAT, moved, b.detachState(), now);
        assertThat(c.poolUsage(now).addresses()).extracting(PoolUsage.Address::address)
                .containsExactlyInAnyOrder("192.0.2.2", "192.0.2.3");
    }

    @Test
    void aStateThatDoesNotFitIsRefusedWholeAndStaysAdoptable() {
        Nat44Translator a = new EngineFactory(log).create(NAT, POOL);
        long e1 = outbound(a, B4_HI, 40001);
        Map<String, Object> state = a.detachState();
        EngineFactory f = new EngineFactory(log);

        Nat44Config bigger = Nat44Config.builder().capacity(8192).maxSubscribers(64).build();
        assertThatThrownBy(() -> f.adopt(bigger, POOL, state, now)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8192");
        AllocatorConfig otherBlocks = AllocatorConfig.builder().pool("192.0.2.1", "192.0.2.2").blockSize(256)
                .portQuota(1024).maxSubscribers(64).build();
        assertThatThrownBy(() -> f.adopt(NAT, otherBlocks, state, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block size");
        Map<String, Object> noAllocator = new HashMap<>(state);
        noAllocator.keySet().removeIf(k -> k.startsWith("alloc."));
        assertThatThrownBy(() -> f.adopt(NAT, POOL, noAllocator, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allocator");
        Map<String, Object> truncated = new HashMap<>(state);
        truncated.put("alloc.subPorts", new int[3]);
        assertThatThrownBy(() -> f.adopt(NAT, POOL, truncated, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alloc.subPorts");
        Map<String, Object> future = new HashMap<>(state);
        future.put("format", 99L);
        assertThatThrownBy(() -> f.adopt(NAT, POOL, future, now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");

        Nat44Translator b = f.adopt(NAT, POOL, state, now);
        assertThat(outbound(b, B4_HI, 40001)).isEqualTo(e1);
    }

    @Test
    void deterministicModeGivesEachB4ItsFixedRangeAndSurvivesAHandOver() {
        // RFC 7422 §2 with DS-Lite B4s: I = 2001:db8:0::/56 cut into /64s (H = 256), O = 192.0.2.1, D = 0,
        // R = 0-1023: C = 256, P = 64512 / 256 = 252; the B4 2001:db8:0:1::1 is subscriber 1: ports 1276-1527
        AllocatorConfig det = AllocatorConfig.builder().pool("192.0.2.1").maxSubscribers(64)
                .deterministic(new DeterministicConfig("2001:db8:0::/56", 64, 0)).build();
        EngineFactory f = new EngineFactory(log);
        Nat44Translator a = f.create(NAT, det);
        long e1 = outbound(a, B4_HI, 40001);
        assertThat(e1 >>> 16).isEqualTo(ip(192, 0, 2, 1) & 0xFFFFFFFFL);
        assertThat(e1 & 0xFFFF).isBetween(1276L, 1527L);
        assertThat(a.subscriberUsage(B4_HI, B4_LO).blocks()).extracting(Object::toString)
                .containsExactly("tcp 192.0.2.1:1276-1527", "udp 192.0.2.1:1276-1527", "icmp 192.0.2.1:1276-1527");
        assertThat(a.poolUsage(now).blockSize()).isEqualTo(252);
        assertThat(a.poolUsage(now).addresses()).singleElement().satisfies(u -> {
            assertThat(u.subscribers()).isEqualTo(1);
            assertThat(u.udpPorts()).isEqualTo(1);
        });
        assertThat(a.subscriberUsages(0, 0, 10)).extracting(SubscriberUsage::subscriber)
                .containsExactly("2001:db8:0:1::/64");
        assertThat(blockLog).as("no port-block log in deterministic mode (RFC 7422 §2 step 3)").isEmpty();
        assertThat(parameters).as("RFC 7422 §3: the parameter set in force is recorded").singleElement()
                .asString().contains("I=2001:db8:0::/56 per /64").contains("O=[192.0.2.1]").contains("D=0")
                .contains("R=0-1023").contains("252 ports each");

        Map<String, Object> state = a.detachState();
        AllocatorConfig dynamic = AllocatorConfig.builder().pool("192.0.2.1").maxSubscribers(64).build();
        assertThatThrownBy(() -> f.adopt(NAT, dynamic, state, now)).isInstanceOf(IllegalArgumentException.class);
        AllocatorConfig noParity = AllocatorConfig.builder().pool("192.0.2.1").maxSubscribers(64).parity(false)
                .deterministic(new DeterministicConfig("2001:db8:0::/56", 64, 0)).build();
        Nat44Translator b = new EngineFactory(log).adopt(NAT, noParity, state, now);
        assertThat(outbound(b, B4_HI, 40001)).isEqualTo(e1);
        long e2 = outbound(b, B4_HI, 40002);
        assertThat(e2 & 0xFFFF).isBetween(1276L, 1527L).isNotEqualTo(e1 & 0xFFFF);
        assertThat(b.subscriberUsage(B4_HI, B4_LO).udpPorts()).isEqualTo(2);
    }

    @Test
    void deterministicPlainNat44FollowsTheRfc7422Vector() {
        // RFC 7422 §2.3: I = 198.51.100.0/28, O = 192.0.2.1, D = 2, R = 0-1023 -> 198.51.100.1: 1024-5055,
        // 198.51.100.14: 53440-57471
        AllocatorConfig det = AllocatorConfig.builder().pool("192.0.2.1").maxSubscribers(64)
                .deterministic(new DeterministicConfig("198.51.100.0/28", 0, 2)).build();
        Nat44Translator nat = new EngineFactory(log).create(NAT, det);
        for (int[] v : new int[][] {{1, 1024, 5055}, {14, 53440, 57471}}) {
            PacketBuffer p = PacketBuffer.of(udp(ip(198, 51, 100, v[0]), 5000, SERVER, 53));
            assertThat(nat.outbound(p, 0, 0, null, now)).isEqualTo(Verdict.FORWARD_EXTERNAL);
            byte[] out = p.toByteArray();
            int port = (out[20] & 0xFF) << 8 | out[21] & 0xFF;
            assertThat(port).isBetween(v[1], v[2]);
        }
        assertThat(nat.subscriberUsage(0, ip(198, 51, 100, 14) & 0xFFFFFFFFL).blocks().get(0))
                .hasToString("tcp 192.0.2.1:53440-57471");
    }

    // ------------------------------------------------------------------ helpers

    /** The engine's classes loaded again by a loader of their own (child first), as an updated bundle would. */
    private static Nat44EngineFactory isolatedFactory() throws Exception {
        URL classes = EngineFactory.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader parent = EngineFactoryTest.class.getClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[] {classes}, parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("org.softwire.nat44.internal.")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
            }
        };
        return (Nat44EngineFactory) loader.loadClass(EngineFactory.class.getName()).getConstructor().newInstance();
    }

    /** Sends a UDP packet from {@code HOST:port} behind a B4 to the server; returns the packed external endpoint. */
    private long outbound(Nat44Translator nat, long hi, int port) {
        PacketBuffer p = PacketBuffer.of(udp(HOST, port, SERVER, 53));
        assertThat(nat.outbound(p, hi, B4_LO, null, now)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        byte[] b = p.toByteArray();
        long src = ((b[12] & 0xFFL) << 24) | ((b[13] & 0xFFL) << 16) | ((b[14] & 0xFFL) << 8) | (b[15] & 0xFFL);
        return src << 16 | ((b[20] & 0xFF) << 8 | (b[21] & 0xFF));
    }

    private static byte[] udp(int src, int sport, int dst, int dport) {
        return org.softwire.nat44.internal.session.Packets.udp(src, sport, dst, dport);
    }

    private static int ip(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }
}
