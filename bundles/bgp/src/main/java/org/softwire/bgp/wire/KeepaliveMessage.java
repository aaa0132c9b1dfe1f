package org.softwire.bgp.wire;

/** KEEPALIVE: the header alone [RFC 4271 §4.4]. */
public record KeepaliveMessage() implements BgpMessage {
    public static final KeepaliveMessage INSTANCE = new KeepaliveMessage();

    @Override
    public int type() {
        return TYPE_KEEPALIVE;
    }
}
