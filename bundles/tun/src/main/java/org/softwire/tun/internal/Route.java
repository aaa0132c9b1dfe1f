package org.softwire.tun.internal;

/** A route into the TUN device: destination prefix and optional metric (0 = kernel default). */
record Route(Prefix destination, int metric) {
    /**
     * Parses {@code prefix [metric N]}, e.g. {@code 198.51.100.0/24} or {@code 2001:db8:1::/48 metric 10}.
     *
     * @throws IllegalArgumentException with the offending text and what was expected
     */
    static Route parse(String text) {
        String[] w = text.trim().split("\\s+");
        if (w.length != 1 && !(w.length == 3 && w[1].equals("metric"))) {
            throw new IllegalArgumentException("route '" + text + "' is not 'prefix' or 'prefix metric N'");
        }
        Prefix p = Prefix.parse(w[0]);
        if (!p.isNetwork()) {
            throw new IllegalArgumentException("route '" + text + "' has host bits set beyond /" + p.length()
                    + " (did you mean " + p.network() + "?)");
        }
        int metric = 0;
        if (w.length == 3) {
            if (!w[2].matches("\\d{1,10}") || Long.parseLong(w[2]) > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("route '" + text + "': metric '" + w[2] + "' is not 0..4294967295");
            }
            metric = (int) Long.parseLong(w[2]);
        }
        return new Route(p, metric);
    }

    @Override
    public String toString() {
        return metric == 0 ? destination.toString() : destination + " metric " + Integer.toUnsignedString(metric);
    }
}
