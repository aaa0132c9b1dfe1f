package org.softwire.bgp.speaker.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.softwire.bgp.wire.BgpDecoder;
import org.softwire.bgp.wire.BgpEncoder;
import org.softwire.bgp.wire.BgpMessage;
import org.softwire.bgp.wire.SessionContext;

/** A connection that records what the FSM sends and lets the test deliver messages. */
final class FakeLink implements Link {
    final boolean outbound;
    final List<BgpMessage> sent = new ArrayList<>();
    boolean closed;
    Fsm owner;
    private final BgpDecoder decoder = new BgpDecoder(SessionContext.DEFAULT);
    static final BgpEncoder ENCODER = new BgpEncoder(SessionContext.DEFAULT);

    FakeLink(boolean outbound) {
        this.outbound = outbound;
    }

    @Override
    public void send(byte[] message) {
        if (closed) {
            throw new AssertionError("send on a closed link");
        }
        sent.add(decoder.decode(ByteBuffer.wrap(message)).message());
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean outbound() {
        return outbound;
    }

    @Override
    public InetAddress localAddress() {
        return addr("2001:db8::1");
    }

    @Override
    public InetAddress remoteAddress() {
        return addr("2001:db8::2");
    }

    @Override
    public void owner(Fsm fsm) {
        owner = fsm;
    }

    /** The peer sends {@code m} (encoded with 4-octet ASNs). */
    void deliver(BgpMessage m) {
        deliver(ENCODER.encode(m));
    }

    void deliver(byte[] raw) {
        owner.received(this, ByteBuffer.wrap(raw));
    }

    BgpMessage last() {
        return sent.get(sent.size() - 1);
    }

    static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
