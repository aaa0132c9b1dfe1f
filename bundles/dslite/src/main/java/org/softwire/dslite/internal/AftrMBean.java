package org.softwire.dslite.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import javax.management.MBeanNotificationInfo;
import javax.management.MalformedObjectNameException;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.softwire.dslite.AftrAlarm;
import org.softwire.dslite.AftrMXBean;
import org.softwire.dslite.PoolAddressUsage;
import org.softwire.dslite.SubscriberReport;

/**
 * The MXBean of one AFTR: reads its counters on each attribute read, sends its alarms as JMX notifications and
 * writes thresholds into the configuration ({@code persist}; when that is not possible, e.g. without Config Admin,
 * the threshold is applied to the running AFTR only).
 */
public final class AftrMBean extends NotificationBroadcasterSupport implements AftrMXBean {
    static final CompositeType ALARM;

    static {
        try {
            ALARM = new CompositeType("AftrAlarm", "An AFTR alarm raised or cleared",
                    new String[] {"alarm", "reference", "subject", "value", "threshold", "state"},
                    new String[] {"alarm label", "RFC object", "B4 or external address, empty for the AFTR",
                            "usage at the check", "threshold", "raised or cleared"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.DOUBLE,
                            SimpleType.INTEGER, SimpleType.STRING});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AftrInstance aftr;
    private final ObjectName name;
    private final BiPredicate<String, Object> persist;
    private final AtomicLong sequence = new AtomicLong();
    private final AftrMonitor.Listener listener = (n, e) -> sendNotification(notification(e));

    /**
     * @param persist writes {@code key = value} into the AFTR's configuration; false if it could not (then the
     *                value is applied live only)
     */
    public AftrMBean(AftrInstance aftr, BiPredicate<String, Object> persist) {
        super(notificationInfo());
        this.aftr = aftr;
        this.name = objectName(aftr.name());
        this.persist = persist;
        aftr.monitor().addListener(listener);
    }

    /** Stops forwarding alarms (the MBean is unregistered). */
    public void close() {
        aftr.monitor().removeListener(listener);
    }

    private static MBeanNotificationInfo[] notificationInfo() {
        String[] types = new String[AftrAlarm.values().length * 2];
        int i = 0;
        for (AftrAlarm a : AftrAlarm.values()) {
            types[i++] = a.raisedType();
            types[i++] = a.clearedType();
        }
        return new MBeanNotificationInfo[] {new MBeanNotificationInfo(types, Notification.class.getName(),
                "AFTR alarms (RFC 7870 notifications, RFC 8512 nat-pool-event / nat-instance-event)")};
    }

    Notification notification(AftrAlarms.Event e) {
        Notification n = new Notification(e.raised() ? e.alarm().raisedType() : e.alarm().clearedType(), name,
                sequence.incrementAndGet(), e.timeMillis(), "AFTR " + aftr.name() + ": " + e.message());
        try {
            n.setUserData(new CompositeDataSupport(ALARM, new String[] {"alarm", "reference", "subject", "value",
                    "threshold", "state"}, new Object[] {e.alarm().label(), e.alarm().reference(), e.subject(),
                    e.value(), e.threshold(), e.raised() ? "raised" : "cleared"}));
        } catch (OpenDataException ex) {
            throw new IllegalStateException(ex);
        }
        return n;
    }

    /** {@code org.softwire:type=Aftr,name=<name>}. */
    public static ObjectName objectName(String name) {
        String value = name.matches("[A-Za-z0-9_.@%+-]+") ? name : ObjectName.quote(name);
        try {
            return new ObjectName("org.softwire:type=Aftr,name=" + value);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("AFTR name '" + name + "' makes no ObjectName", e);
        }
    }

    @Override public String getName() { return aftr.name(); }
    @Override public String getDevice() { return aftr.device(); }
    @Override public String getAddress() { return aftr.address(); }
    @Override public String[] getB4Prefixes() { return aftr.b4Prefixes().toArray(String[]::new); }
    @Override public String[] getPool() { return aftr.pool().toArray(String[]::new); }
    @Override public boolean isRunning() { return aftr.running(); }
    @Override public int getSessionCount() { return aftr.sessionCount(); }
    @Override public int getMappingCount() { return aftr.mappingCount(); }
    @Override public Map<String, Long> getCounters() { return aftr.counters(); }
    @Override public Map<String, Long> getNatCounters() { return aftr.natCounters(); }
    @Override public Map<String, Long> getDropsByReason() { return aftr.drops(); }

    @Override
    public long getDroppedPackets() {
        long n = 0;
        for (long v : aftr.drops().values()) {
            n += v;
        }
        return n;
    }

    @Override public int clearSessions() { return aftr.clear((String) null); }

    @Override
    public int clearB4Sessions(String b4) {
        if (b4 == null || b4.isBlank()) {
            throw new IllegalArgumentException("a B4 IPv6 address is required (clearSessions() clears all)");
        }
        return aftr.clear(b4.trim());
    }

    @Override
    public int getActiveSubscribers() {
        return aftr.snapshot(aftr.monitor().settings(), System.currentTimeMillis()).subscribers();
    }

    @Override
    public Map<String, Long> subscriberStatistics(String b4) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (SubscriberReport r : aftr.subscribers(b4, 1)) {
            m.put("receives", r.receives());
            m.put("sends", r.sends());
            m.put("discards", r.discards());
            m.put("sessions", (long) r.sessions());
            m.put("tcp-ports", (long) r.tcpPorts());
            m.put("udp-ports", (long) r.udpPorts());
            m.put("icmp-ids", (long) r.icmpIds());
            m.put("blocks", (long) r.portBlocks().size());
            m.put("port-quota", (long) r.portQuota());
            m.put("session-limit", (long) r.sessionLimit());
        }
        return m;
    }

    @Override
    public Map<String, Long> getPoolPortsInUse() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (PoolAddressUsage a : aftr.poolUsage()) {
            m.put(a.address(), (long) a.ports());
        }
        return m;
    }

    @Override public String[] getActiveAlarms() { return aftr.alarms().toArray(String[]::new); }

    private int get(AftrAlarm a) {
        return aftr.monitor().settings().threshold(a);
    }

    /** Checks the value, writes it to the configuration, or applies it live when that is not possible. */
    void set(AftrAlarm a, int value) {
        AlarmSettings next = aftr.monitor().settings().with(a, value); // refuses a bad value with a message
        if (!persist.test(a.key(), value)) {
            aftr.monitor().settings(next);
        }
    }

    @Override public int getAlarmTunnels() { return get(AftrAlarm.TUNNELS); }
    @Override public void setAlarmTunnels(int v) { set(AftrAlarm.TUNNELS, v); }
    @Override public int getAlarmSubscriberSessions() { return get(AftrAlarm.SUBSCRIBER_SESSIONS); }
    @Override public void setAlarmSubscriberSessions(int v) { set(AftrAlarm.SUBSCRIBER_SESSIONS, v); }
    @Override public int getAlarmAddressPorts() { return get(AftrAlarm.ADDRESS_PORTS); }
    @Override public void setAlarmAddressPorts(int v) { set(AftrAlarm.ADDRESS_PORTS, v); }
    @Override public int getPoolHighThreshold() { return get(AftrAlarm.POOL_HIGH); }
    @Override public void setPoolHighThreshold(int v) { set(AftrAlarm.POOL_HIGH, v); }
    @Override public int getPoolLowThreshold() { return get(AftrAlarm.POOL_LOW); }
    @Override public void setPoolLowThreshold(int v) { set(AftrAlarm.POOL_LOW, v); }
    @Override public int getNotifyPortsUsage() { return get(AftrAlarm.PORTS_USAGE); }
    @Override public void setNotifyPortsUsage(int v) { set(AftrAlarm.PORTS_USAGE, v); }
    @Override public int getNotifyAddressesUsage() { return get(AftrAlarm.ADDRESSES_USAGE); }
    @Override public void setNotifyAddressesUsage(int v) { set(AftrAlarm.ADDRESSES_USAGE, v); }
    @Override public int getNotifySubscribersLimit() { return get(AftrAlarm.SUBSCRIBERS_LIMIT); }
    @Override public void setNotifySubscribersLimit(int v) { set(AftrAlarm.SUBSCRIBERS_LIMIT, v); }
    @Override public int getNotifySessionsUsage() { return get(AftrAlarm.SESSIONS_USAGE); }
    @Override public void setNotifySessionsUsage(int v) { set(AftrAlarm.SESSIONS_USAGE, v); }
}
