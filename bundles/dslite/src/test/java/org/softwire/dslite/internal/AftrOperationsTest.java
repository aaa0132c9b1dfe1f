package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.softwire.dslite.internal.AftrFixture.*;
import static org.softwire.dslite.internal.Pkt.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.softwire.dslite.PoolAddressUsage;
import org.softwire.dslite.SubscriberReport;
import org.softwire.nat44.SessionFilter;

/** Operations on a running AFTR: alarms as JMX notifications, thresholds on the MBean, reports, clear, drain. */
class AftrOperationsTest {

    static Map<String, Object> cfg(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aB4OverItsSessionThresholdIsAJmxNotificationAndClearingItClearsTheAlarm() {
        AftrFixture f = new AftrFixture(cfg("alarm-subscriber-sessions", "2", "notify-interval", "1"));
        List<Notification> got = new ArrayList<>();
        AftrMBean mbean = new AftrMBean(f.aftr, (k, v) -> false);
        mbean.addNotificationListener((n, h) -> got.add(n), null, null);
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false)));
        assertThat(f.aftr.monitor().check()).isEmpty();
        f.one(fromB4(B4, udp(HOST, 4001, SERVER, 53, 10, false)));
        f.one(fromB4(B4_2, udp(HOST, 4000, SERVER, 53, 10, false)));
        f.aftr.monitor().check();
        assertThat(got).hasSize(1);
        Notification n = got.get(0);
        assertThat(n.getType()).isEqualTo("org.softwire.dslite.alarm.subscriber-sessions.raised");
        assertThat(n.getSource()).isEqualTo(AftrMBean.objectName("aftr1"));
        CompositeData d = (CompositeData) n.getUserData();
        assertThat(d.get("subject")).isEqualTo(B4);
        assertThat(d.get("value")).isEqualTo(2.0);
        assertThat(d.get("threshold")).isEqualTo(2);
        assertThat(d.get("reference")).asString().contains("dsliteAFTRUserSessionNumAlarm");
        assertThat(mbean.getActiveAlarms()).containsExactly("subscriber-sessions " + B4 + ": 2 (threshold 2)");

        f.now += 2000;
        assertThat(f.aftr.clear(B4)).isEqualTo(2);
        f.aftr.monitor().check();
        assertThat(got).extracting(Notification::getType).containsExactly(
                "org.softwire.dslite.alarm.subscriber-sessions.raised",
                "org.softwire.dslite.alarm.subscriber-sessions.cleared");
        assertThat(got.get(1).getSequenceNumber()).isGreaterThan(got.get(0).getSequenceNumber());
        assertThat(mbean.getActiveAlarms()).isEmpty();
        mbean.close();
        f.aftr.close();
    }

    @Test
    void thresholdsWrittenOnTheMBeanPersistOrApplyLiveAndBadValuesAreRefused() {
        AftrFixture f = new AftrFixture();
        Map<String, Object> written = new HashMap<>();
        AftrMBean persisting = new AftrMBean(f.aftr, (k, v) -> written.put(k, v) == null || true);
        persisting.setNotifySubscribersLimit(1000);
        assertThat(written).containsEntry("notify-subscribers-limit", 1000);
        assertThat(persisting.getNotifySubscribersLimit()).isZero(); // applied when the configuration comes back
        f.aftr.configure(AftrSettings.from(with(AftrFixture.base(), "notify-subscribers-limit", "1000")));
        assertThat(persisting.getNotifySubscribersLimit()).isEqualTo(1000);

        AftrMBean live = new AftrMBean(f.aftr, (k, v) -> false); // no Config Admin: the running AFTR only
        live.setAlarmSubscriberSessions(500);
        assertThat(live.getAlarmSubscriberSessions()).isEqualTo(500);
        live.setPoolHighThreshold(80);
        assertThatThrownBy(() -> live.setPoolLowThreshold(90)).hasMessageContaining("RFC 8512");
        assertThatThrownBy(() -> live.setAlarmTunnels(101)).hasMessageContaining("alarm-tunnels = 101");
        assertThat(live.getPoolLowThreshold()).isZero();
        f.aftr.close();
    }

    static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        m.put(k, v);
        return m;
    }

    @Test
    void poolUsageSubscriberReportsAndClearByFilter() {
        AftrFixture f = new AftrFixture(cfg("pool", "192.0.2.1-192.0.2.2"));
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false)));
        f.one(fromB4(B4, tcp(HOST, 4001, SERVER, 80, 0x02, 0)));
        f.one(fromB4(B4_2, udp(HOST, 4000, SERVER, 53, 10, false)));
        List<PoolAddressUsage> pool = f.aftr.poolUsage();
        assertThat(pool).extracting(PoolAddressUsage::address, PoolAddressUsage::subscribers, PoolAddressUsage::ports,
                PoolAddressUsage::blocks).containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.1", 1, 2, 2),
                org.assertj.core.groups.Tuple.tuple("192.0.2.2", 1, 1, 1));
        assertThat(pool.get(0).blocksPerProtocol()).isEqualTo(126);
        assertThat(pool.get(0).freeBlocks()).isEqualTo(3 * 126 - 2);

        SubscriberReport r = f.aftr.subscribers(B4, 10).get(0);
        assertThat(r.b4()).isEqualTo(B4);
        assertThat(r.externalAddress()).isEqualTo("192.0.2.1");
        assertThat(r.tcpPorts()).isEqualTo(1);
        assertThat(r.udpPorts()).isEqualTo(1);
        assertThat(r.sessions()).isEqualTo(2);
        assertThat(r.receives()).isEqualTo(2);
        assertThat(r.portBlocks()).containsExactly("tcp 192.0.2.1 3584-4095", "udp 192.0.2.1 3584-4095");
        assertThat(f.aftr.subscribers(null, 10)).extracting(SubscriberReport::b4).containsExactly(B4, B4_2);
        assertThat(f.aftr.subscribers("2001:db8:0:9::9", 10)).isEmpty();
        assertThatThrownBy(() -> f.aftr.subscribers("192.0.2.1", 10)).hasMessageContaining("not an IPv6 address");
        AftrMBean mbean = new AftrMBean(f.aftr, (k, v) -> false);
        assertThat(mbean.subscriberStatistics(B4)).containsEntry("sessions", 2L).containsEntry("receives", 2L)
                .containsEntry("tcp-ports", 1L).containsEntry("blocks", 2L);
        assertThat(mbean.getPoolPortsInUse()).containsEntry("192.0.2.1", 2L).containsEntry("192.0.2.2", 1L);

        // clear one external address: B4_2's session only
        assertThat(f.aftr.clear(SessionFilter.byAddress(org.softwire.packet.IpAddress.parse("192.0.2.2").v4()))).isEqualTo(1);
        assertThat(f.aftr.sessionCount()).isEqualTo(2);
        assertThat(f.aftr.clear(SessionFilter.ALL.withProtocol(6))).isEqualTo(1);
        assertThat(f.aftr.sessions(SessionFilter.ALL, 10)).extracting(s -> s.protocol()).containsExactly(17);
        f.aftr.close();
    }

    @Test
    void aRemovedAddressDrainsAndLeavesThePoolWhenItsSessionsAreGone() {
        AftrFixture f = new AftrFixture(cfg("pool", "192.0.2.1", "port-hold-down", "0"));
        byte[] out = f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false)));
        int port = u16(out, 20);
        Map<String, Object> c = AftrFixture.base();
        c.put("pool", "192.0.2.9");
        c.put("port-hold-down", "0");
        f.aftr.configure(AftrSettings.from(c));
        assertThat(f.aftr.sessionCount()).isEqualTo(1);
        // the reply still reaches the B4 through the draining address
        byte[] back = f.one(udp(SERVER, 53, POOL, port, 10, false));
        assertThat(v6At(back, 24)).isEqualTo(B4);
        assertThat(f.aftr.poolUsage()).extracting(PoolAddressUsage::address, PoolAddressUsage::draining)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.9", false),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.1", true));
        // a new B4 goes to the new address
        assertThat(v4At(f.one(fromB4(B4_2, udp(HOST, 4000, SERVER, 53, 10, false))), 12)).isEqualTo("192.0.2.9");
        f.aftr.monitor().check();
        assertThat(f.aftr.poolUsage()).hasSize(2);
        // operator clears the address: its block is released, the next check lets it leave
        assertThat(f.aftr.clear(SessionFilter.byAddress(org.softwire.packet.IpAddress.parse(POOL).v4()))).isEqualTo(1);
        f.aftr.monitor().check();
        assertThat(f.aftr.poolUsage()).extracting(PoolAddressUsage::address).containsExactly("192.0.2.9");
        assertThat(f.aftr.sessionCount()).isEqualTo(1);
        assertThat(f.feed(udp(SERVER, 53, POOL, port, 10, false))).isEmpty();
        f.aftr.close();
    }
}
