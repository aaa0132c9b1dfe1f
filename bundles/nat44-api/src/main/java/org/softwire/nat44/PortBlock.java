package org.softwire.nat44;

/** One port block held by a subscriber: protocol ({@code tcp}, {@code udp}, {@code icmp}), address, ports. */
public record PortBlock(String protocol, String address, int firstPort, int lastPort) {
    @Override
    public String toString() {
        return protocol + " " + address + ":" + firstPort + "-" + lastPort;
    }
}
