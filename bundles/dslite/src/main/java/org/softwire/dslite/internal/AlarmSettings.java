package org.softwire.dslite.internal;

import java.util.EnumMap;
import java.util.Map;
import org.softwire.dslite.AftrAlarm;

/**
 * The alarm thresholds of one AFTR ({@link AftrAlarm}; 0 or below = off), the hysteresis and the notification
 * interval. Keys and defaults: {@code alarm-tunnels} 60 (percent of max-subscribers, RFC 7870
 * dsliteAFTRAlarmConnectNumber DEFVAL), {@code alarm-subscriber-sessions} -1 and {@code alarm-address-ports} -1
 * (RFC 7870 DEFVAL -1: off), the RFC 8512 percentages {@code pool-high-threshold}, {@code pool-low-threshold},
 * {@code notify-ports-usage}, {@code notify-addresses-usage}, {@code notify-sessions-usage} and the count
 * {@code notify-subscribers-limit}, 0 = off; {@code notify-interval} 10 s (RFC 8512, 1-3600);
 * {@code alarm-hysteresis} 10 (percent of the threshold); {@code alarm-check-interval} 1 s.
 *
 * @param thresholds       per alarm; ≤ 0 = off
 * @param hysteresisPercent an alarm clears when the usage is below threshold × (1 − h/100) (high alarms) or above
 *                          threshold × (1 + h/100) (the low pool alarm)
 * @param notifyIntervalSeconds minimum time between two notifications of one alarm and subject (RFC 8512
 *                          notify-interval)
 * @param checkIntervalSeconds how often the checker looks
 */
record AlarmSettings(Map<AftrAlarm, Integer> thresholds, int hysteresisPercent, int notifyIntervalSeconds,
                     int checkIntervalSeconds) {

    AlarmSettings {
        thresholds = Map.copyOf(thresholds);
    }

    static int defaultThreshold(AftrAlarm a) {
        return switch (a) {
            case TUNNELS -> 60;
            case SUBSCRIBER_SESSIONS, ADDRESS_PORTS -> -1;
            default -> 0;
        };
    }

    static int max(AftrAlarm a) {
        return switch (a) {
            case SUBSCRIBER_SESSIONS, ADDRESS_PORTS, SUBSCRIBERS_LIMIT -> Integer.MAX_VALUE;
            default -> 100;
        };
    }

    static AlarmSettings from(Props p) {
        Map<AftrAlarm, Integer> t = new EnumMap<>(AftrAlarm.class);
        for (AftrAlarm a : AftrAlarm.values()) {
            t.put(a, p.integer(a.key(), defaultThreshold(a), -1, max(a)));
        }
        AlarmSettings s = new AlarmSettings(t, p.integer("alarm-hysteresis", 10, 0, 99),
                p.integer("notify-interval", 10, 1, 3600), p.integer("alarm-check-interval", 1, 1, 3600));
        s.check();
        return s;
    }

    /** RFC 8512: high-threshold must be greater than or equal to low-threshold. */
    void check() {
        int high = threshold(AftrAlarm.POOL_HIGH);
        int low = threshold(AftrAlarm.POOL_LOW);
        if (high > 0 && low > 0 && high < low) {
            throw new IllegalArgumentException("pool-high-threshold = " + high + " is below pool-low-threshold = " + low
                    + " (RFC 8512: the high threshold must be greater than or equal to the low threshold)");
        }
    }

    int threshold(AftrAlarm a) {
        return thresholds.getOrDefault(a, 0);
    }

    /** A copy with one threshold changed, checked. */
    AlarmSettings with(AftrAlarm a, int value) {
        if (value < -1 || value > max(a)) {
            throw new IllegalArgumentException(a.key() + " = " + value + " is outside -1.." + max(a) + " (0 or -1 = off)");
        }
        Map<AftrAlarm, Integer> t = new EnumMap<>(thresholds);
        t.put(a, value);
        AlarmSettings s = new AlarmSettings(t, hysteresisPercent, notifyIntervalSeconds, checkIntervalSeconds);
        s.check();
        return s;
    }
}
