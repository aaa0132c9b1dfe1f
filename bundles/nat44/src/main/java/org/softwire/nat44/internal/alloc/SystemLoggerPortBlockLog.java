package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.Ipv4Range;

import java.lang.System.Logger.Level;
import java.time.Instant;
import org.softwire.packet.IpAddress;

/**
 * Writes port-block records to their own {@link System.Logger}, {@value #LOGGER_NAME}, at INFO, one line each:
 * <pre>2024-05-01T12:00:00Z alloc tcp 2001:db8:0:1::1 192.0.2.1 1024-1535</pre>
 * (time, {@code alloc}/{@code release}, protocol, subscriber — the B4 IPv6 address or the internal IPv4 address —,
 * external address, port range). The line is built only when the logger is enabled for INFO.
 */
public final class SystemLoggerPortBlockLog implements PortBlockLog {
    public static final String LOGGER_NAME = "org.softwire.nat44.portblocks";
    private static final String[] PROTOCOLS = {"tcp", "udp", "icmp"};

    private final System.Logger logger;

    public SystemLoggerPortBlockLog() {
        this(System.getLogger(LOGGER_NAME));
    }

    public SystemLoggerPortBlockLog(System.Logger logger) {
        this.logger = logger;
    }

    @Override
    public void record(boolean allocated, long keyHi, long keyLo, int protocol, int externalAddress, int firstPort,
                       int lastPort, long timeMillis) {
        if (logger.isLoggable(Level.INFO)) {
            logger.log(Level.INFO, format(allocated, keyHi, keyLo, protocol, externalAddress, firstPort, lastPort,
                    timeMillis));
        }
    }

    /** The log line for one record (see the class comment). */
    public static String format(boolean allocated, long keyHi, long keyLo, int protocol, int externalAddress,
                                int firstPort, int lastPort, long timeMillis) {
        return Instant.ofEpochMilli(timeMillis) + (allocated ? " alloc " : " release ") + protocolName(protocol)
                + " " + subscriberText(keyHi, keyLo) + " " + Ipv4Range.text(externalAddress) + " " + firstPort
                + "-" + lastPort;
    }

    /** tcp, udp or icmp. */
    public static String protocolName(int protocol) {
        return protocol >= 0 && protocol < PROTOCOLS.length ? PROTOCOLS[protocol] : "proto" + protocol;
    }

    /** A subscriber key as text: {@code (0, IPv4)} as a dotted quad, anything else as an IPv6 address. */
    public static String subscriberText(long keyHi, long keyLo) {
        if (keyHi == 0 && (keyLo >>> 32) == 0) {
            return Ipv4Range.text((int) keyLo);
        }
        return IpAddress.ofV6(keyHi, keyLo).toString();
    }
}
