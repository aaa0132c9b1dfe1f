package org.softwire.dhcpv6.server.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.RelayMessage;
import org.softwire.dhcpv6.server.ServerDropReason;

/**
 * One interface of a server: a thread that receives on its {@link Udp6Socket}, decodes, lets the engine answer,
 * and sends the answer back: to the client's address and port, or for a relayed message to the relay's address on
 * port 547 (RFC 8415 §7.2, §18.3.10). Nothing that arrives can end the thread: bad input is a counted drop.
 */
final class Listener implements Runnable, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Listener.class.getName());
    static final int SERVER_PORT = 547;

    private final Udp6Socket socket;
    private final ServerEngine engine;
    private final Dhcpv6MessageCodec codec;
    private final ServerCounters counters;
    private final Thread thread;
    private volatile boolean running = true;

    Listener(String serverName, Udp6Socket socket, ServerEngine engine, Dhcpv6MessageCodec codec,
            ServerCounters counters) {
        this.socket = socket;
        this.engine = engine;
        this.codec = codec;
        this.counters = counters;
        this.thread = new Thread(this, "dhcpv6-server-" + serverName + "-" + socket.iface());
        thread.setDaemon(true);
    }

    void start() { thread.start(); }

    @Override
    public void run() {
        while (running) {
            Udp6Socket.Datagram d;
            try {
                d = socket.receive();
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "DHCPv6 server: " + e.getMessage());
                    sleep();
                }
                continue;
            }
            if (d != null) {
                try {
                    serve(d);
                } catch (RuntimeException e) {
                    // a bug, not bad input: keep serving and say so
                    LOG.log(Level.ERROR, "DHCPv6 server on " + socket.iface() + ": message not answered", e);
                }
            }
        }
    }

    void serve(Udp6Socket.Datagram d) {
        DecodeResult r = codec.decode(d.data());
        if (!(r instanceof DecodeResult.Decoded decoded)) {
            return; // counted by the codec
        }
        Dhcpv6Message in = decoded.message();
        Optional<Dhcpv6Message> out = engine.handle(in, new ServerEngine.Ingress(socket.iface(), d.multicast()));
        if (out.isEmpty()) {
            return;
        }
        byte[] bytes = codec.encode(out.get());
        int port = in instanceof RelayMessage ? SERVER_PORT : d.sourcePort();
        try {
            socket.send(bytes, d.source(), port);
        } catch (IOException e) {
            counters.drop(ServerDropReason.SEND_FAILED);
            LOG.log(Level.WARNING, "DHCPv6 server: " + e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.close();
    }
}
