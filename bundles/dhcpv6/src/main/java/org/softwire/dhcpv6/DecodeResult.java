package org.softwire.dhcpv6;

import java.util.List;

/** What {@link Dhcpv6MessageCodec#decode} made of a datagram: a message, or the reason it was dropped. */
public sealed interface DecodeResult {
    /** Options ignored on the way (empty when dropped at once). */
    List<OptionProblem> problems();

    /** A usable message; {@code problems} lists the options left out of it. */
    record Decoded(Dhcpv6Message message, List<OptionProblem> problems) implements DecodeResult {
        public Decoded {
            problems = List.copyOf(problems);
        }
    }

    /** The message was discarded. */
    record Dropped(Dhcpv6DropReason reason, String detail, List<OptionProblem> problems) implements DecodeResult {
        public Dropped {
            problems = List.copyOf(problems);
        }
    }
}
