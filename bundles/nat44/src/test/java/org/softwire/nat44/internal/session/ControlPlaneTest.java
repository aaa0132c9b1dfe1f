package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.softwire.nat44.internal.session.Packets.u16;
import static org.softwire.nat44.internal.session.Packets.u32;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;
import org.softwire.nat44.TcpState;
import org.softwire.nat44.Verdict;

/** Listings, clearing, statistics, live reconfiguration, session logging and the state hand-over. */
class ControlPlaneTest extends EngineFixture {

    private void traffic() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);          // A udp 1024
        out(Packets.tcp(HOST, 40001, REMOTE2, 443, 0x02), B4_A_HI, B4_A_LO);  // A tcp 1024
        out(Packets.udp(B4_HOST, 5000, REMOTE2, 123), B4_B_HI, B4_B_LO);      // B udp 1025
    }

    @Test
    void sessionsAreListedAsRecordsAndFiltered() {
        traffic();
        List<SessionInfo> all = engine.sessions(SessionFilter.ALL, 100);
        assertThat(all).hasSize(3);
        SessionInfo tcp = engine.sessions(SessionFilter.ALL.withProtocol(6), 10).get(0);
        assertThat(tcp).isEqualTo(new SessionInfo(B4_A_HI, B4_A_LO, 6, HOST, 40001, EXT, 1024, REMOTE2, 443,
                TcpState.INIT, now + 241_000));
        assertThat(tcp.toString()).isEqualTo(
                "tcp [20010db800000001:1] 10.0.0.1:40001 -> 192.0.2.1:1024 <-> 198.51.100.2:443 init");
        assertThat(engine.sessions(SessionFilter.bySubscriber(B4_B_HI, B4_B_LO), 10))
                .extracting(SessionInfo::internalAddress).containsExactly(B4_HOST);
        assertThat(engine.sessions(SessionFilter.byAddress(REMOTE2), 10)).hasSize(2);
        assertThat(engine.sessions(SessionFilter.byPort(1025), 10)).extracting(SessionInfo::remotePort)
                .containsExactly(123);
        assertThat(engine.sessions(SessionFilter.byPort(1024), 10)).hasSize(2);
        assertThat(engine.sessions(SessionFilter.ALL, 2)).hasSize(2);
    }

    @Test
    void clearSubscriberReleasesItsPortsOnly() {
        traffic();
        assertThat(engine.clearSubscriber(B4_A_HI, B4_A_LO, now)).isEqualTo(2);
        assertThat(engine.sessionCount()).isEqualTo(1);
        assertThat(engine.mappingCount()).isEqualTo(1);
        assertThat(alloc.releases).hasSize(2);
        assertThat(in(Packets.udp(REMOTE, 53, EXT, 1024))).isEqualTo(Verdict.DROP);
        assertThat(in(Packets.udp(REMOTE2, 123, EXT, 1025))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.counter(Nat44Counter.SESSIONS_CLEARED)).isEqualTo(2);
        // the records are free at once (not when the wheel passes their slot); the subscriber translates again
        assertThat(engine.sess.used).isEqualTo(engine.sess.live).isEqualTo(1);
        assertThat(out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        advance(400);
        assertThat(engine.sessionCount()).isZero();
        assertThat(engine.sess.used).isZero();
    }

    @Test
    void clearByFilterRemovesTheSelectedSessionsAndReleasesTheirPorts() {
        traffic();
        // the TCP session of A only: its mapping goes, A's UDP and B's sessions stay
        assertThat(engine.clear(SessionFilter.ALL.withProtocol(6), now)).isEqualTo(1);
        assertThat(engine.sessions(SessionFilter.ALL, 10)).extracting(SessionInfo::protocol).containsOnly(17);
        assertThat(engine.mappingCount()).isEqualTo(2);
        assertThat(alloc.releases).hasSize(1);
        // every session whose remote is REMOTE2 (B's UDP)
        assertThat(engine.clear(SessionFilter.byAddress(REMOTE2), now)).isEqualTo(1);
        assertThat(engine.sessions(SessionFilter.ALL, 10)).extracting(SessionInfo::internalPort).containsExactly(40000);
        assertThat(engine.counter(Nat44Counter.SESSIONS_CLEARED)).isEqualTo(2);
        assertThat(in(Packets.udp(REMOTE2, 123, EXT, 1025))).isEqualTo(Verdict.DROP);
        assertThat(in(Packets.udp(REMOTE, 53, EXT, 1024))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.clear(SessionFilter.byAddress(EXT), now)).isEqualTo(1);
        assertThat(engine.sessionCount()).isZero();
        assertThat(alloc.portsInUse()).isZero();
    }

    @Test
    void subscribersAtOrAboveASessionCountAreListedWithTheirKeys() {
        traffic(); // A: 2 sessions, B: 1
        assertThat(engine.subscribers(2, 10)).extracting(r -> r.keyHi(), r -> r.keyLo(), r -> r.statistics().sessions())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(B4_A_HI, B4_A_LO, 2));
        assertThat(engine.subscribers(1, 10)).hasSize(2);
        assertThat(engine.subscribers(0, 1)).hasSize(1);
        assertThat(engine.subscribers(1, 10).get(0).statistics().receives()).isEqualTo(2);
    }

    @Test
    void clearAllReleasesEverything() {
        traffic();
        assertThat(engine.clearAll(now)).isEqualTo(3);
        assertThat(engine.sessionCount()).isZero();
        assertThat(engine.mappingCount()).isZero();
        assertThat(alloc.portsInUse()).isZero();
        assertThat(engine.counter(Nat44Counter.TOTAL_PORT_MAPPINGS)).isZero();
        assertThat(engine.counter(Nat44Counter.SESSIONS_ACTIVE)).isZero();
        traffic();
        assertThat(engine.sessionCount()).isEqualTo(3);
        advance(400);
        assertThat(engine.sessionCount()).isZero(); // the recreated sessions expire normally after a clear
        assertThat(alloc.portsInUse()).isZero();
    }

    @Test
    void reconfigureRefusesCapacityChanges() {
        assertThatThrownBy(() -> engine.reconfigure(engine.config().toBuilder().capacity(2048).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }

    @Test
    void stateIsHandedOverToASuccessorWithoutLoss() {
        traffic();
        in(Packets.tcp(REMOTE2, 443, EXT, 1024, 0x12)); // established
        long created = engine.counter(Nat44Counter.SESSIONS_CREATED);
        List<SessionInfo> before = engine.sessions(SessionFilter.ALL, 100);
        Map<String, Object> state = engine.detachState();
        assertThatThrownBy(engine::detachState).isInstanceOf(IllegalStateException.class);

        Nat44Engine successor = new Nat44Engine(engine.config(), alloc, state);
        engine = successor;
        assertThat(successor.sessions(SessionFilter.ALL, 100)).isEqualTo(before);
        assertThat(successor.counter(Nat44Counter.SESSIONS_CREATED)).isEqualTo(created);
        // the TCP connection opened before the update goes on
        assertThat(in(Packets.tcp(REMOTE2, 443, EXT, 1024, 0x10))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(u32(last, 16)).isEqualTo(HOST);
        assertThat(u16(last, 22)).isEqualTo(40001);
        assertThat(out(Packets.tcp(HOST, 40001, REMOTE2, 443, 0x10), B4_A_HI, B4_A_LO))
                .isEqualTo(Verdict.FORWARD_EXTERNAL);
        assertThat(u16(last, 20)).isEqualTo(1024);
        // and the timers keep running
        advance(400);
        assertThat(successor.sessionCount()).isEqualTo(1);
        assertThat(successor.sessions(SessionFilter.ALL, 1).get(0).tcpState()).isEqualTo(TcpState.ESTABLISHED);
    }

    /**
     * A successor configured with a shorter UDP timeout than its predecessor re-places the adopted sessions: one
     * refreshed after the hand-over expires after the new timeout, not in the slot the old engine gave it.
     */
    @Test
    void aSuccessorWithAShorterTimeoutReplacesTheAdoptedSessions() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO); // placed 301 s out
        Map<String, Object> state = engine.detachState();
        assertThat(state.get("wheelPlacedOther")).isEqualTo(301L);
        engine = new Nat44Engine(engine.config().toBuilder().udpTimeout(120).build(), alloc, state);
        advance(5);
        assertThat(out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        for (int s = 1; s <= 200; s++) {
            advance(1);
            if (engine.sessionCount() == 0) {
                assertThat(s).isBetween(120, 121);
                return;
            }
        }
        throw new AssertionError("the session outlived the new timeout by far");
    }

    /**
     * The bundle-update case: the successor's classes come from another class loader (as after an OSGi update),
     * so only JDK types can cross; the map of arrays does.
     */
    @Test
    void aSuccessorLoadedByAnotherClassLoaderAdoptsTheState() throws Exception {
        traffic();
        in(Packets.tcp(REMOTE2, 443, EXT, 1024, 0x12));
        Map<String, Object> state = engine.detachState();
        java.net.URL[] urls = {
            Nat44Engine.class.getProtectionDomain().getCodeSource().getLocation(),
            Nat44Config.class.getProtectionDomain().getCodeSource().getLocation(),
            org.softwire.packet.PacketBuffer.class.getProtectionDomain().getCodeSource().getLocation()};
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> configClass = loader.loadClass(Nat44Config.class.getName());
            assertThat(configClass).isNotSameAs(Nat44Config.class);
            Object builder = configClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("capacity", int.class).invoke(builder, 1024);
            builder.getClass().getMethod("maxSubscribers", int.class).invoke(builder, 64);
            Object config = builder.getClass().getMethod("build").invoke(builder);
            Class<?> allocatorClass = loader.loadClass("org.softwire.nat44.internal.PortAllocator");
            Object allocator = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {allocatorClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "allocate" -> -2L;
                        case "subscriber", "owner" -> -1;
                        default -> null;
                    });
            Class<?> engineClass = loader.loadClass(Nat44Engine.class.getName());
            Object successor = engineClass.getConstructor(configClass, allocatorClass, Map.class)
                    .newInstance(config, allocator, state);
            Class<?> bufferClass = loader.loadClass(org.softwire.packet.PacketBuffer.class.getName());
            Object pkt = bufferClass.getMethod("of", byte[].class)
                    .invoke(null, (Object) Packets.tcp(REMOTE2, 443, EXT, 1024, 0x10));
            Object verdict = engineClass.getMethod("inbound", bufferClass, long.class).invoke(successor, pkt, now);
            assertThat(verdict.toString()).isEqualTo("FORWARD_INTERNAL");
            byte[] translated = (byte[]) bufferClass.getMethod("toByteArray").invoke(pkt);
            assertThat(u32(translated, 16)).isEqualTo(HOST);
            assertThat(u16(translated, 22)).isEqualTo(40001);
            assertThat(engineClass.getMethod("sessionCount").invoke(successor)).isEqualTo(3);
        }
    }

    /** Mapping records back to 5 ints (formats 1 and 2), the hints into {@code mappingHints} (format 2) or dropped. */
    private static void narrowMappings(Map<String, Object> state, boolean keepHints) {
        int[] wide = (int[]) state.get("mappings");
        int n = wide.length / MappingTable.STRIDE;
        int[] narrow = new int[n * 5];
        int[] hints = new int[n];
        for (int m = 0; m < n; m++) {
            System.arraycopy(wide, m * MappingTable.STRIDE, narrow, m * 5, 5);
            hints[m] = wide[m * MappingTable.STRIDE + MappingTable.HINT];
        }
        state.put("mappings", narrow);
        if (keepHints) {
            state.put("mappingHints", hints);
        }
    }

    /**
     * A state exported by an engine of format 2 (mapping records of 5 ints, the outbound session hints in an array
     * of their own) is adopted: the records are widened once, hints included, and translation goes on.
     */
    @Test
    void aFormatTwoStateIsAdoptedWithItsMappingRecordsWidened() {
        traffic();
        in(Packets.tcp(REMOTE2, 443, EXT, 1024, 0x12));
        List<SessionInfo> before = engine.sessions(SessionFilter.ALL, 100);
        int m = engine.maps.findIn(EXT, 1024, org.softwire.nat44.internal.PortAllocator.TCP);
        int hint = engine.maps.hint(m);
        assertThat(hint).isPositive();
        Map<String, Object> state = engine.detachState();
        assertThat(state.get("format")).isEqualTo(3L);
        narrowMappings(state, true);
        state.put("format", 2L);
        engine = new Nat44Engine(engine.config(), alloc, state);
        assertThat(engine.sessions(SessionFilter.ALL, 100)).isEqualTo(before);
        assertThat(engine.maps.hint(m)).isEqualTo(hint);
        assertThat(out(Packets.tcp(HOST, 40001, REMOTE2, 443, 0x10), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        assertThat(u16(last, 20)).isEqualTo(1024);
        assertThat(in(Packets.tcp(REMOTE2, 443, EXT, 1024, 0x10))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(u16(last, 22)).isEqualTo(40001);
        // a format-2 state with a mapping array of the wrong size is refused, nothing adopted
        Map<String, Object> broken = engine.detachState();
        narrowMappings(broken, true);
        broken.put("format", 2L);
        broken.put("mappings", new int[7]);
        assertThatThrownBy(() -> new Nat44Engine(engine.config(), alloc, broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping");
    }

    /**
     * A state exported by an engine of format 1 (5-bit slot tags, one wheel list per slot) is adopted: its
     * indexes are rebuilt from the records and its wheel lists kept.
     */
    @Test
    void aFormatOneStateIsAdoptedWithItsIndexesRebuilt() {
        traffic();
        in(Packets.tcp(REMOTE2, 443, EXT, 1024, 0x12));
        long created = engine.counter(Nat44Counter.MAPPINGS_CREATED);
        List<SessionInfo> before = engine.sessions(SessionFilter.ALL, 100);
        SessionTable sess = engine.sess;
        Map<String, Object> state = engine.detachState();
        // back to format 1: one list per wheel slot (the lanes chained), old-style tags in every index slot
        int[] heads = (int[]) state.get("wheel");
        int[] oneLane = new int[TimerWheel.SLOTS];
        for (int slot = 0; slot < TimerWheel.SLOTS; slot++) {
            int head = 0;
            for (int lane = TimerWheel.LANES - 1; lane >= 0; lane--) {
                int v = heads[slot * TimerWheel.LANES + lane];
                if (v != 0) {
                    int last = v - 1;
                    while (sess.next(last) != 0) {
                        last = sess.next(last) - 1;
                    }
                    sess.setNext(last, head);
                    head = v;
                }
            }
            oneLane[slot] = head;
        }
        state.put("wheel", oneLane);
        for (String index : new String[] {"sessionIndex", "mappingOutIndex", "mappingInIndex"}) {
            int[] slots = (int[]) state.get(index);
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] != 0) {
                    slots[i] = (slots[i] & Hashing.RECORD_MASK) | 0x1F << Hashing.RECORD_BITS;
                }
            }
        }
        narrowMappings(state, false);
        state.put("format", 1L);
        Nat44Engine successor = new Nat44Engine(engine.config(), alloc, state);
        engine = successor;
        assertThat(successor.sessions(SessionFilter.ALL, 100)).isEqualTo(before);
        assertThat(in(Packets.tcp(REMOTE2, 443, EXT, 1024, 0x10))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(u16(last, 22)).isEqualTo(40001);
        assertThat(out(Packets.udp(B4_HOST, 5000, REMOTE2, 123), B4_B_HI, B4_B_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        assertThat(u16(last, 20)).isEqualTo(1025);
        assertThat(successor.counter(Nat44Counter.MAPPINGS_CREATED)).isEqualTo(created);
        assertThat(successor.detachState().get("format")).isEqualTo((long) Nat44State.FORMAT);
        engine = new Nat44Engine(successor.config(), alloc, Map.copyOf(successor.st.export()));
        advance(400); // both UDP sessions expire through the adopted wheel lists; the TCP one is established
        assertThat(engine.sessionCount()).isEqualTo(1);
        assertThat(engine.counter(Nat44Counter.SESSIONS_EXPIRED)).isEqualTo(2);
    }

    @Test
    void handOverRefusesForeignOrMismatchedState() {
        Map<String, Object> state = engine.detachState();
        Nat44Config bigger = engine.config().toBuilder().capacity(4096).build();
        assertThatThrownBy(() -> new Nat44Engine(bigger, alloc, state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4096");
        state.put("format", 99L);
        assertThatThrownBy(() -> new Nat44Engine(engine.config(), alloc, state))
                .hasMessageContaining("format");
        state.put("format", 1L);
        state.put("sessions", "oops");
        assertThatThrownBy(() -> new Nat44Engine(engine.config(), alloc, state))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionLoggingIsOffByDefaultAndGoesToItsOwnLogger() {
        Logger logger = Logger.getLogger(SessionLog.LOGGER);
        List<String> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { records.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(h);
        logger.setUseParentHandlers(false);
        try {
            out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
            assertThat(records).isEmpty();
            engine.reconfigure(engine.config().toBuilder().sessionLogging(true).build());
            out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO);
            advance(400);
            assertThat(records).hasSize(3);
            assertThat(records.get(0)).startsWith("create udp subscriber=2001:db8:0:1::1 internal=10.0.0.1:40000"
                    + " external=192.0.2.1:1024 remote=198.51.100.2:53 state=none time=");
            assertThat(records.get(1)).startsWith("delete udp subscriber=2001:db8:0:1::1");
        } finally {
            logger.removeHandler(h);
            logger.setUseParentHandlers(true);
        }
    }
}
