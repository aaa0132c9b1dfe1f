package org.softwire.dslite.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.softwire.dslite.AftrAlarm;
import org.softwire.dslite.PoolAddressUsage;

/**
 * Evaluates the AFTR's alarms ({@link AftrAlarm}) on a snapshot of its usage, off the data path. Each alarm and
 * subject (the AFTR, one B4, one external address) has a state: a high alarm is raised when the usage reaches its
 * threshold and cleared when it falls below threshold × (1 − hysteresis); the low pool alarm is armed once the
 * usage is above threshold × (1 + hysteresis), raised when it falls to the threshold and cleared when it rises
 * above the armed level again. So one crossing gives one notification, not one per check. A change of state waits
 * until {@code notify-interval} seconds have passed since the last notification of that alarm and subject (RFC
 * 8512 notify-interval). Not thread-safe: one checker thread.
 */
final class AftrAlarms {

    /** What the checker sees, taken under the AFTR's lock. */
    record Snapshot(int subscribers, int maxSubscribers, int sessions, int capacity, List<PoolAddressUsage> pool,
                    Map<String, Integer> busySubscribers) {
    }

    /** One notification: an alarm raised or cleared. */
    record Event(AftrAlarm alarm, String subject, double value, int threshold, boolean raised, long timeMillis) {
        String message() {
            String unit = percent(alarm) ? "%" : "";
            return alarm.label() + (subject.isEmpty() ? "" : " " + subject) + (raised ? " raised: " : " cleared: ")
                    + alarm.measure() + " " + format(value) + unit + (raised ? " >= " : " below ") + threshold
                    + unit + " (" + alarm.reference() + ")";
        }
    }

    private static final class State {
        boolean raised;
        boolean armed;
        double value;
        int threshold;
        long lastNotified = Long.MIN_VALUE / 2;
    }

    private final Map<String, State> states = new HashMap<>();

    static boolean percent(AftrAlarm a) {
        return switch (a) {
            case SUBSCRIBER_SESSIONS, ADDRESS_PORTS, SUBSCRIBERS_LIMIT -> false;
            default -> true;
        };
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** The level a high alarm clears below (and the per-B4 query level). */
    static double clearLevel(int threshold, int hysteresisPercent) {
        return threshold * (1 - hysteresisPercent / 100.0);
    }

    /** Checks every alarm; returns the notifications to send (raised and cleared), in a stable order. */
    List<Event> check(AlarmSettings s, Snapshot snap, long now) {
        List<Event> out = new ArrayList<>();
        long blocks = 0;
        long held = 0;
        long ports = 0;
        long portSpace = 0;
        int used = 0;
        for (PoolAddressUsage a : snap.pool()) {
            blocks += 3L * a.blocksPerProtocol();
            held += a.blocks();
            ports += a.ports();
            portSpace += 3L * a.blocksPerProtocol() * a.blockSize();
            if (a.subscribers() > 0) {
                used++;
            }
        }
        double blockPct = blocks == 0 ? 0 : 100.0 * held / blocks;
        high(out, s, AftrAlarm.TUNNELS, "", pct(snap.subscribers(), snap.maxSubscribers()), now);
        high(out, s, AftrAlarm.SUBSCRIBERS_LIMIT, "", snap.subscribers(), now);
        high(out, s, AftrAlarm.SESSIONS_USAGE, "", pct(snap.sessions(), snap.capacity()), now);
        high(out, s, AftrAlarm.POOL_HIGH, "", blockPct, now);
        low(out, s, AftrAlarm.POOL_LOW, "", blockPct, now);
        high(out, s, AftrAlarm.ADDRESSES_USAGE, "", pct(used, snap.pool().size()), now);
        high(out, s, AftrAlarm.PORTS_USAGE, "", pct(ports, portSpace), now);
        for (PoolAddressUsage a : snap.pool()) {
            high(out, s, AftrAlarm.ADDRESS_PORTS, a.address(), a.ports(), now);
        }
        forget(AftrAlarm.ADDRESS_PORTS, snap.pool().stream().map(PoolAddressUsage::address).toList(), out, s, now);
        for (Map.Entry<String, Integer> e : new TreeMap<>(snap.busySubscribers()).entrySet()) {
            high(out, s, AftrAlarm.SUBSCRIBER_SESSIONS, e.getKey(), e.getValue(), now);
        }
        forget(AftrAlarm.SUBSCRIBER_SESSIONS, snap.busySubscribers().keySet(), out, s, now);
        return out;
    }

    /** Active alarms as text, sorted. */
    List<String> active() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, State> e : new TreeMap<>(states).entrySet()) {
            State st = e.getValue();
            if (st.raised) {
                String[] k = e.getKey().split("\\|", 2);
                AftrAlarm a = AftrAlarm.valueOf(k[0]);
                String unit = percent(a) ? "%" : "";
                out.add(a.label() + (k[1].isEmpty() ? "" : " " + k[1]) + ": " + format(st.value) + unit + " (threshold "
                        + st.threshold + unit + ")");
            }
        }
        return out;
    }

    private static double pct(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }

    private State state(AftrAlarm a, String subject) {
        return states.computeIfAbsent(a.name() + "|" + subject, k -> new State());
    }

    private void high(List<Event> out, AlarmSettings s, AftrAlarm a, String subject, double value, long now) {
        int t = s.threshold(a);
        State st = states.get(a.name() + "|" + subject);
        if (t <= 0) {
            if (st != null && st.raised) {
                change(out, st, a, subject, value, st.threshold, false, now, s, true);
            }
            return;
        }
        if (st == null) {
            if (value < t) {
                return; // nothing to remember
            }
            st = state(a, subject);
        }
        st.value = value;
        st.threshold = t;
        if (!st.raised && value >= t) {
            change(out, st, a, subject, value, t, true, now, s, false);
        } else if (st.raised && value < Math.min(t, clearLevel(t, s.hysteresisPercent()))) {
            change(out, st, a, subject, value, t, false, now, s, false);
        }
    }

    private void low(List<Event> out, AlarmSettings s, AftrAlarm a, String subject, double value, long now) {
        int t = s.threshold(a);
        State st = state(a, subject);
        if (t <= 0) {
            if (st.raised) {
                change(out, st, a, subject, value, st.threshold, false, now, s, true);
            }
            st.armed = false;
            return;
        }
        double arm = t * (1 + s.hysteresisPercent() / 100.0);
        st.value = value;
        st.threshold = t;
        if (!st.raised) {
            if (value > arm || (s.hysteresisPercent() == 0 && value > t)) {
                st.armed = true;
            } else if (st.armed && value <= t) {
                change(out, st, a, subject, value, t, true, now, s, false);
            }
        } else if (value > arm || (s.hysteresisPercent() == 0 && value > t)) {
            change(out, st, a, subject, value, t, false, now, s, false);
        }
    }

    /** Subjects no longer in the snapshot are at zero usage (a B4 gone, an address removed). */
    private void forget(AftrAlarm a, java.util.Collection<String> present, List<Event> out, AlarmSettings s, long now) {
        String prefix = a.name() + "|";
        for (String key : new ArrayList<>(new TreeMap<>(states).keySet())) {
            String subject = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
            if (subject == null || present.contains(subject)) {
                continue;
            }
            State st = states.get(key);
            if (st.raised) {
                change(out, st, a, subject, 0, st.threshold, false, now, s, false);
            }
            if (!st.raised) {
                states.remove(key);
            }
        }
    }

    private void change(List<Event> out, State st, AftrAlarm a, String subject, double value, int threshold,
                        boolean raise, long now, AlarmSettings s, boolean force) {
        if (!force && now - st.lastNotified < s.notifyIntervalSeconds() * 1000L) {
            return; // RFC 8512 notify-interval: try again at a later check
        }
        st.raised = raise;
        st.value = value;
        st.lastNotified = now;
        if (raise) {
            st.armed = false;
        }
        out.add(new Event(a, subject, value, threshold, raise, now));
    }
}
