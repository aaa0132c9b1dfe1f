package org.softwire.dslite;

import java.util.Locale;

/**
 * The AFTR's alarms: each compares a usage with a threshold of the {@code org.softwire.dslite.aftr} configuration
 * (writable on the MBean too) and raises one JMX notification when the usage reaches the threshold and one when
 * it has fallen back below it by the hysteresis (RFC 7870 §6.2 notifications, RFC 8512 {@code nat-pool-event} and
 * {@code nat-instance-event}). Notification types are {@code org.softwire.dslite.alarm.<label>.raised} and
 * {@code .cleared}.
 */
public enum AftrAlarm {
    TUNNELS("alarm-tunnels", "RFC 7870 dsliteTunnelNumAlarm (threshold dsliteAFTRAlarmConnectNumber)",
            "active B4s (tunnels) in percent of max-subscribers"),
    SUBSCRIBER_SESSIONS("alarm-subscriber-sessions",
            "RFC 7870 dsliteAFTRUserSessionNumAlarm (threshold dsliteAFTRAlarmSessionNumber)",
            "sessions of one B4"),
    ADDRESS_PORTS("alarm-address-ports",
            "RFC 7870 dsliteAFTRPortUsageOfSpecificIpAlarm (threshold dsliteAFTRAlarmPortNumber)",
            "ports in use on one external address, all protocols"),
    POOL_HIGH("pool-high-threshold", "RFC 8512 nat-pool-event (high-threshold)",
            "port blocks held in percent of the pool's blocks"),
    POOL_LOW("pool-low-threshold", "RFC 8512 nat-pool-event (low-threshold)",
            "port blocks held in percent of the pool's blocks, fallen to the low threshold after being above it"),
    PORTS_USAGE("notify-ports-usage", "RFC 8512 nat-instance-event (notify-ports-threshold)",
            "ports in use in percent of all ports of the pool"),
    ADDRESSES_USAGE("notify-addresses-usage", "RFC 8512 nat-instance-event (notify-addresses-threshold)",
            "external addresses with at least one B4 in percent of the pool"),
    SUBSCRIBERS_LIMIT("notify-subscribers-limit", "RFC 8512 nat-instance-event (notify-subscribers-threshold)",
            "active B4s"),
    SESSIONS_USAGE("notify-sessions-usage", "session table (no RFC object; RFC 6888 REQ-5 resource)",
            "live sessions in percent of the session table capacity");

    private final String key;
    private final String reference;
    private final String measure;

    AftrAlarm(String key, String reference, String measure) {
        this.key = key;
        this.reference = reference;
        this.measure = measure;
    }

    /** The configuration key and MBean attribute of its threshold. */
    public String key() {
        return key;
    }

    /** The RFC object it implements. */
    public String reference() {
        return reference;
    }

    /** What is compared with the threshold. */
    public String measure() {
        return measure;
    }

    /** Lower-dash form, e.g. {@code subscriber-sessions}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** JMX notification type when it is raised. */
    public String raisedType() {
        return "org.softwire.dslite.alarm." + label() + ".raised";
    }

    /** JMX notification type when it is cleared. */
    public String clearedType() {
        return "org.softwire.dslite.alarm." + label() + ".cleared";
    }
}
