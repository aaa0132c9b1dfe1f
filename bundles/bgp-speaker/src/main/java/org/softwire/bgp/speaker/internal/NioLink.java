package org.softwire.bgp.speaker.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * A non-blocking TCP connection on the {@link EventLoop}: reads go into the FSM, writes are queued and written as
 * the socket takes them. Closing writes what it can first (so that a NOTIFICATION leaves before the FIN).
 */
final class NioLink implements Link, EventLoop.Handler {
    /** Two maximum-size messages fit, so a whole message is always decodable from the buffer [RFC 4271 §4.1]. */
    private static final int BUFFER = 65536;
    private final SocketChannel ch;
    private final boolean outbound;
    private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private SelectionKey key;
    private Fsm fsm;
    private boolean connected;
    private boolean closed;

    NioLink(SocketChannel ch, boolean outbound) {
        this.ch = ch;
        this.outbound = outbound;
        this.connected = !outbound;
    }

    /** Registers with the loop; for an outbound link, after {@code connect()} was called on the channel. */
    void attach(EventLoop loop, Fsm owner) throws IOException {
        this.fsm = owner;
        key = loop.register(ch, outbound && !ch.isConnected() ? SelectionKey.OP_CONNECT : SelectionKey.OP_READ,
                this);
        if (outbound && ch.isConnected()) {
            connected = true;
            loop.execute(() -> {
                if (!closed) {
                    fsm.tcpConnected(this);
                }
            });
        }
    }

    @Override
    public void owner(Fsm owner) {
        this.fsm = owner;
    }

    @Override
    public void ready(SelectionKey k) throws IOException {
        if (closed) {
            return;
        }
        if (k.isConnectable()) {
            try {
                ch.finishConnect();
            } catch (IOException e) {
                closeQuietly();
                fsm.tcpFailed(this, e.getMessage());
                return;
            }
            connected = true;
            k.interestOps(SelectionKey.OP_READ);
            fsm.tcpConnected(this);
            return;
        }
        if (k.isWritable()) {
            flush();
        }
        if (k.isValid() && k.isReadable()) {
            int n;
            try {
                n = ch.read(in);
            } catch (IOException e) {
                n = -2;
            }
            if (n < 0) {
                closeQuietly();
                fsm.tcpFailed(this, n == -1 ? "closed by the peer" : "read error");
                return;
            }
            in.flip();
            fsm.received(this, in);
            in.compact();
        }
    }

    @Override
    public void send(byte[] message) {
        if (closed || !connected) {
            return;
        }
        out.add(ByteBuffer.wrap(message));
        flush();
    }

    private void flush() {
        try {
            while (!out.isEmpty()) {
                ByteBuffer b = out.peek();
                ch.write(b);
                if (b.hasRemaining()) {
                    break;
                }
                out.poll();
            }
        } catch (IOException e) {
            out.clear();
        }
        if (key != null && key.isValid()) {
            key.interestOps(out.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (connected) {
            flush();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            ch.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public boolean outbound() {
        return outbound;
    }

    @Override
    public InetAddress localAddress() {
        try {
            return ((InetSocketAddress) ch.getLocalAddress()).getAddress();
        } catch (IOException | RuntimeException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    @Override
    public InetAddress remoteAddress() {
        try {
            return ((InetSocketAddress) ch.getRemoteAddress()).getAddress();
        } catch (IOException | RuntimeException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
