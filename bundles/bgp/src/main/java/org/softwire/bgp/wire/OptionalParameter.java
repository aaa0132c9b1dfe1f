package org.softwire.bgp.wire;

import java.util.List;

/** An OPEN optional parameter [RFC 4271 §4.2]: {@code |Type (1)|Length (1)|Value|}. */
public sealed interface OptionalParameter {
    int CAPABILITIES = 2;

    int type();

    /** Optional parameter 2 holding capabilities [RFC 5492 §4]; one parameter may hold several. */
    record Capabilities(List<Capability> capabilities) implements OptionalParameter {
        public Capabilities {
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public int type() {
            return CAPABILITIES;
        }
    }

    /** Any other parameter (type 1 authentication is deprecated); kept verbatim. */
    record Unknown(int type, Octets value) implements OptionalParameter {
    }
}
