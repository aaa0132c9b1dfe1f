package org.softwire.bgp.speaker;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The running speaker (service): its peers and the operator's reset. */
@ProviderType
public interface BgpSpeaker {

    /** Local AS. */
    long localAs();

    /** Our BGP Identifier, dotted quad. */
    String routerId();

    /** Every configured peer, by name. */
    List<PeerStatus> peers();

    Optional<PeerStatus> peer(String name);

    /**
     * Resets the peer: sends Cease / Administrative Reset [RFC 4486 §4] on its connections, goes to Idle and starts
     * again (after the idle hold time). Returns false for an unknown name.
     */
    boolean reset(String name);
}
