package org.softwire.dhcpv6;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A DHCPv6 message: client/server (RFC 8415 §8) or relay (§9). Immutable. */
public sealed interface Dhcpv6Message permits ClientServerMessage, RelayMessage {
    MessageType type();

    /** Top-level options, in wire order. */
    List<Dhcpv6Option> options();

    /** The first top-level option of this record type. */
    default <T extends Dhcpv6Option> Optional<T> option(Class<T> type) {
        for (Dhcpv6Option o : options()) {
            if (type.isInstance(o)) {
                return Optional.of(type.cast(o));
            }
        }
        return Optional.empty();
    }

    /** All top-level options of this record type, in wire order. */
    default <T extends Dhcpv6Option> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Dhcpv6Option o : options()) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return List.copyOf(out);
    }

    /** The first top-level option with this code. */
    default Optional<Dhcpv6Option> option(int code) {
        for (Dhcpv6Option o : options()) {
            if (o.code() == code) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
