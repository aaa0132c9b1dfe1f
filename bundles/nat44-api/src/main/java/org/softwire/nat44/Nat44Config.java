package org.softwire.nat44;

/**
 * Engine configuration. Timeouts are in seconds; their defaults are RFC 8512's policy defaults, and the
 * minimums the RFCs make mandatory are enforced: UDP ≥ 120 s (RFC 4787 REQ-5), TCP established ≥ 7440 s
 * (RFC 5382 REQ-5), ICMP ≥ 60 s (RFC 5508 REQ-2). Transitory timeouts may go below 4 minutes (RFC 7857 §2.1).
 *
 * @param capacity                  sessions (and port mappings) the tables hold; fixed for an engine's life
 * @param maxSubscribers            subscriber ids the tables can address (the allocator hands them out)
 * @param udpTimeout                RFC 8512 udp-timeout
 * @param tcpEstablishedTimeout     RFC 8512 tcp-idle-timeout
 * @param tcpTransitoryOpenTimeout  RFC 8512 tcp-trans-open-timeout (partially open)
 * @param tcpTransitoryCloseTimeout RFC 8512 tcp-trans-close-timeout (FIN from both sides, or RST)
 * @param tcpInboundSynTimeout      RFC 8512 tcp-in-syn-timeout (unsolicited inbound SYN)
 * @param icmpTimeout               RFC 8512 icmp-timeout
 * @param filtering                 inbound filtering behaviour (endpoint-independent by default)
 * @param inboundRefresh            whether inbound UDP and ICMP packets refresh sessions and create sessions for
 *                                  new remote endpoints (RFC 4787 REQ-6a MAY; RFC 7857 §7)
 * @param maxSessionsPerSubscriber  0 for no limit (RFC 6888 REQ-5)
 * @param icmpSource                source of the ICMP host unreachable the engine sends (192.0.0.1, the AFTR's
 *                                  well-known address, RFC 6333 §6.5)
 * @param sessionLogging            log every session creation and deletion to logger
 *                                  {@code org.softwire.nat44.session} (off by default, RFC 6888 REQ-12)
 */
public record Nat44Config(int capacity, int maxSubscribers, int udpTimeout, int tcpEstablishedTimeout,
                          int tcpTransitoryOpenTimeout, int tcpTransitoryCloseTimeout, int tcpInboundSynTimeout,
                          int icmpTimeout, Filtering filtering, boolean inboundRefresh, int maxSessionsPerSubscriber,
                          int icmpSource, boolean sessionLogging) {

    /** Upper bound of any timeout: about 12 days, far beyond every default. */
    public static final int MAX_TIMEOUT = 1 << 20;
    /** Largest capacity: record numbers + 1 fit in the 27 bits an index slot gives them. */
    public static final int MAX_CAPACITY = (1 << 27) - 1;

    public Nat44Config {
        check(capacity >= 1 && capacity <= MAX_CAPACITY, "capacity must be in 1.." + MAX_CAPACITY + ": " + capacity);
        check(maxSubscribers >= 1 && maxSubscribers <= 1 << 24, "maxSubscribers must be in 1..16777216: " + maxSubscribers);
        timeout("udpTimeout", udpTimeout, 120, "RFC 4787 REQ-5");
        timeout("tcpEstablishedTimeout", tcpEstablishedTimeout, 7440, "RFC 5382 REQ-5");
        timeout("tcpTransitoryOpenTimeout", tcpTransitoryOpenTimeout, 1, "RFC 7857 §2.1");
        timeout("tcpTransitoryCloseTimeout", tcpTransitoryCloseTimeout, 1, "RFC 7857 §2.1");
        timeout("tcpInboundSynTimeout", tcpInboundSynTimeout, 1, "RFC 5382 REQ-4");
        timeout("icmpTimeout", icmpTimeout, 60, "RFC 5508 REQ-2");
        check(filtering != null, "filtering must be set");
        check(maxSessionsPerSubscriber >= 0, "maxSessionsPerSubscriber must be >= 0 (0 = no limit): "
                + maxSessionsPerSubscriber);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void timeout(String name, int value, int min, String rule) {
        check(value >= min && value <= MAX_TIMEOUT,
                name + " must be in " + min + ".." + MAX_TIMEOUT + " s (" + rule + "): " + value);
    }

    /** RFC 8512 defaults, endpoint-independent filtering, 1M sessions, 65536 subscribers. */
    public static Nat44Config defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.capacity = capacity;
        b.maxSubscribers = maxSubscribers;
        b.udpTimeout = udpTimeout;
        b.tcpEstablishedTimeout = tcpEstablishedTimeout;
        b.tcpTransitoryOpenTimeout = tcpTransitoryOpenTimeout;
        b.tcpTransitoryCloseTimeout = tcpTransitoryCloseTimeout;
        b.tcpInboundSynTimeout = tcpInboundSynTimeout;
        b.icmpTimeout = icmpTimeout;
        b.filtering = filtering;
        b.inboundRefresh = inboundRefresh;
        b.maxSessionsPerSubscriber = maxSessionsPerSubscriber;
        b.icmpSource = icmpSource;
        b.sessionLogging = sessionLogging;
        return b;
    }

    /** Smallest of the timeouts a session can move to after creation: the timer wheel revisits that often. */
    public int shortestTimeout() {
        return Math.min(Math.min(udpTimeout, icmpTimeout),
                Math.min(tcpTransitoryOpenTimeout, tcpTransitoryCloseTimeout));
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int capacity = 1 << 20;
        private int maxSubscribers = 1 << 16;
        private int udpTimeout = 300;
        private int tcpEstablishedTimeout = 7440;
        private int tcpTransitoryOpenTimeout = 240;
        private int tcpTransitoryCloseTimeout = 240;
        private int tcpInboundSynTimeout = 6;
        private int icmpTimeout = 60;
        private Filtering filtering = Filtering.ENDPOINT_INDEPENDENT;
        private boolean inboundRefresh = true;
        private int maxSessionsPerSubscriber;
        private int icmpSource = 0xC0000001; // 192.0.0.1
        private boolean sessionLogging;

        public Builder capacity(int v) { capacity = v; return this; }
        public Builder maxSubscribers(int v) { maxSubscribers = v; return this; }
        public Builder udpTimeout(int v) { udpTimeout = v; return this; }
        public Builder tcpEstablishedTimeout(int v) { tcpEstablishedTimeout = v; return this; }
        public Builder tcpTransitoryOpenTimeout(int v) { tcpTransitoryOpenTimeout = v; return this; }
        public Builder tcpTransitoryCloseTimeout(int v) { tcpTransitoryCloseTimeout = v; return this; }
        public Builder tcpInboundSynTimeout(int v) { tcpInboundSynTimeout = v; return this; }
        public Builder icmpTimeout(int v) { icmpTimeout = v; return this; }
        public Builder filtering(Filtering v) { filtering = v; return this; }
        public Builder inboundRefresh(boolean v) { inboundRefresh = v; return this; }
        public Builder maxSessionsPerSubscriber(int v) { maxSessionsPerSubscriber = v; return this; }
        public Builder icmpSource(int v) { icmpSource = v; return this; }
        public Builder sessionLogging(boolean v) { sessionLogging = v; return this; }

        public Nat44Config build() {
            return new Nat44Config(capacity, maxSubscribers, udpTimeout, tcpEstablishedTimeout,
                    tcpTransitoryOpenTimeout, tcpTransitoryCloseTimeout, tcpInboundSynTimeout, icmpTimeout,
                    filtering, inboundRefresh, maxSessionsPerSubscriber, icmpSource, sessionLogging);
        }
    }
}
