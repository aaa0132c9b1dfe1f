package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.dslite.AftrAlarm;
import org.softwire.dslite.PoolAddressUsage;

/** Thresholds, hysteresis and the notify interval of the AFTR alarms, on hand-made snapshots. */
class AftrAlarmsTest {
    static final long T = 1_700_000_000_000L;
    final AftrAlarms alarms = new AftrAlarms();

    static AlarmSettings settings(Map<String, Object> m) {
        return AlarmSettings.from(new Props(m));
    }

    static PoolAddressUsage address(String a, int subscribers, int ports, int blocks) {
        // 2 blocks of 8 ports per protocol: 6 blocks, 48 ports per address
        return new PoolAddressUsage(a, false, subscribers, ports, 0, 0, blocks, 0, 0, 0, 6 - blocks, 2, 8);
    }

    static AftrAlarms.Snapshot snap(int subscribers, int sessions, List<PoolAddressUsage> pool, Map<String, Integer> busy) {
        return new AftrAlarms.Snapshot(subscribers, 10, sessions, 100, pool, busy);
    }

    static List<String> messages(List<AftrAlarms.Event> e) {
        return e.stream().map(AftrAlarms.Event::message).toList();
    }

    @Test
    void aB4AboveItsSessionThresholdRaisesOnceAndClearsBelowTheHysteresis() {
        AlarmSettings s = settings(Map.of("alarm-subscriber-sessions", "10", "alarm-hysteresis", "20",
                "notify-interval", "1", "alarm-tunnels", "0"));
        List<PoolAddressUsage> pool = List.of(address("192.0.2.1", 1, 10, 1));
        assertThat(alarms.check(s, snap(1, 9, pool, Map.of("2001:db8:0:1::1", 9)), T)).isEmpty();
        List<AftrAlarms.Event> up = alarms.check(s, snap(1, 10, pool, Map.of("2001:db8:0:1::1", 10)), T + 1000);
        assertThat(messages(up)).containsExactly("subscriber-sessions 2001:db8:0:1::1 raised: sessions of one B4 10 >= 10"
                + " (RFC 7870 dsliteAFTRUserSessionNumAlarm (threshold dsliteAFTRAlarmSessionNumber))");
        assertThat(up.get(0).alarm().raisedType()).isEqualTo("org.softwire.dslite.alarm.subscriber-sessions.raised");
        // still above: no second notification; inside the hysteresis band (8 ≥ 10 × 0.8): still raised
        assertThat(alarms.check(s, snap(1, 12, pool, Map.of("2001:db8:0:1::1", 12)), T + 2000)).isEmpty();
        assertThat(alarms.check(s, snap(1, 8, pool, Map.of("2001:db8:0:1::1", 8)), T + 3000)).isEmpty();
        assertThat(alarms.active()).containsExactly("subscriber-sessions 2001:db8:0:1::1: 8 (threshold 10)");
        // below 8: the snapshot no longer lists it (the AFTR asks for B4s at or above the clear level)
        List<AftrAlarms.Event> down = alarms.check(s, snap(1, 7, pool, Map.of()), T + 4000);
        assertThat(down).extracting(AftrAlarms.Event::raised, AftrAlarms.Event::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, "2001:db8:0:1::1"));
        assertThat(alarms.active()).isEmpty();
    }

    @Test
    void theNotifyIntervalDelaysAChangeOfStateWithoutLosingIt() {
        AlarmSettings s = settings(Map.of("notify-subscribers-limit", "3", "notify-interval", "10", "alarm-hysteresis", "0"));
        assertThat(alarms.check(s, snap(3, 0, List.of(), Map.of()), T)).hasSize(1);
        assertThat(alarms.check(s, snap(1, 0, List.of(), Map.of()), T + 5000)).isEmpty(); // within 10 s
        assertThat(alarms.active()).hasSize(1);
        assertThat(alarms.check(s, snap(1, 0, List.of(), Map.of()), T + 10_000)).extracting(AftrAlarms.Event::raised)
                .containsExactly(false);
    }

    @Test
    void poolHighAndLowThresholdsFollowRfc8512() {
        AlarmSettings s = settings(Map.of("pool-high-threshold", "50", "pool-low-threshold", "20",
                "alarm-hysteresis", "10", "notify-interval", "1", "alarm-tunnels", "0"));
        // 12 blocks in the pool (2 addresses); low is not armed at start with an empty pool
        assertThat(alarms.check(s, snap(0, 0, List.of(address("192.0.2.1", 0, 0, 0), address("192.0.2.2", 0, 0, 0)),
                Map.of()), T)).isEmpty();
        List<AftrAlarms.Event> high = alarms.check(s, snap(4, 0, List.of(address("192.0.2.1", 3, 30, 3),
                address("192.0.2.2", 3, 30, 3)), Map.of()), T + 1000);
        assertThat(high).extracting(e -> e.alarm(), e -> e.raised()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AftrAlarm.POOL_HIGH, true));
        assertThat(high.get(0).value()).isEqualTo(50.0);
        // down to 2 of 12 blocks (16.7 %): high clears (< 45 %), low raises (armed above 22 %)
        List<AftrAlarms.Event> low = alarms.check(s, snap(1, 0, List.of(address("192.0.2.1", 1, 2, 2),
                address("192.0.2.2", 0, 0, 0)), Map.of()), T + 2000);
        assertThat(low).extracting(e -> e.alarm(), e -> e.raised()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AftrAlarm.POOL_HIGH, false),
                org.assertj.core.groups.Tuple.tuple(AftrAlarm.POOL_LOW, true));
        assertThat(alarms.active()).containsExactly("pool-low: 16.7% (threshold 20%)");
    }

    @Test
    void perAddressPortsTunnelsAndSessionTable() {
        Map<String, Object> m = new HashMap<>();
        m.put("alarm-address-ports", "40");
        m.put("alarm-tunnels", "60");
        m.put("notify-sessions-usage", "80");
        m.put("notify-ports-usage", "50");
        m.put("notify-addresses-usage", "100");
        m.put("notify-interval", "1");
        AlarmSettings s = settings(m);
        List<AftrAlarms.Event> e = alarms.check(s, snap(6, 80, List.of(address("192.0.2.1", 6, 40, 6)), Map.of()), T);
        assertThat(e).extracting(x -> x.alarm().label() + " " + x.subject()).containsExactly("tunnels ",
                "sessions-usage ", "addresses-usage ", "ports-usage ", "address-ports 192.0.2.1");
    }

    @Test
    void badThresholdsAreRefusedWithTheKey() {
        assertThatThrownBy(() -> settings(Map.of("pool-high-threshold", "10", "pool-low-threshold", "20")))
                .hasMessageContaining("pool-high-threshold = 10 is below pool-low-threshold = 20");
        assertThatThrownBy(() -> settings(Map.of("notify-ports-usage", "101"))).hasMessageContaining("notify-ports-usage");
        assertThatThrownBy(() -> settings(Map.of("notify-interval", "0"))).hasMessageContaining("notify-interval");
        assertThatThrownBy(() -> settings(Map.of()).with(AftrAlarm.TUNNELS, 200)).hasMessageContaining("alarm-tunnels = 200");
        assertThat(settings(Map.of()).threshold(AftrAlarm.TUNNELS)).isEqualTo(60);
        assertThat(settings(Map.of()).threshold(AftrAlarm.SUBSCRIBER_SESSIONS)).isEqualTo(-1);
    }
}
