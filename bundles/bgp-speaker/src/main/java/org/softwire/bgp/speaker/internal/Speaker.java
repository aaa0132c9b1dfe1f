package org.softwire.bgp.speaker.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.speaker.BgpSpeaker;
import org.softwire.bgp.speaker.PeerStatus;
import org.softwire.tun.netns.NetworkNamespace;

/**
 * The speaker in plain Java: one {@link EventLoop}, the listening socket, the peers by name and the listener
 * whiteboard. The DS components ({@link SpeakerComponent}, {@link PeerComponent}) drive it; tests use it directly.
 */
public final class Speaker implements BgpSpeaker, Peer.Transport, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Speaker.class.getName());
    private final SpeakerConfig config;
    private final EventLoop loop;
    private final ExecutorService dispatch;
    private final Listeners listeners;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private ServerSocketChannel server;

    /** Starts the loop and the listener (when {@code listen-port} is not 0). */
    public Speaker(Map<String, ?> properties) throws IOException {
        this(SpeakerConfig.parse(properties));
    }

    Speaker(SpeakerConfig config) throws IOException {
        this.config = config;
        this.loop = new EventLoop("bgp-speaker");
        this.dispatch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bgp-session-listeners");
            t.setDaemon(true);
            return t;
        });
        this.listeners = new Listeners(dispatch);
        if (config.listenPort() != 0) {
            try {
                listen();
            } catch (IOException e) {
                loop.close();
                dispatch.shutdownNow();
                throw e;
            }
        }
    }

    private void listen() throws IOException {
        server = NetworkNamespace.call(config.netns(), () -> {
            ServerSocketChannel s = ServerSocketChannel.open();
            s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            s.bind(new InetSocketAddress(config.listenAddress(), config.listenPort()), 64);
            return s;
        });
        server.configureBlocking(false);
        loop.call(() -> {
            try {
                loop.register(server, SelectionKey.OP_ACCEPT, k -> {
                    SocketChannel ch;
                    while ((ch = server.accept()) != null) {
                        accepted(ch);
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        LOG.log(Level.INFO, "BGP speaker AS {0} ({1}) listening on {2}", config.localAs(), config.routerIdText(),
                server.getLocalAddress());
    }

    /** The port actually listened on (when configured as 0 for tests via {@link #listenAny}), -1 without one. */
    public int listenPort() {
        try {
            return server == null ? -1 : ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    private void accepted(SocketChannel ch) throws IOException {
        InetAddress remote = unmap(((InetSocketAddress) ch.getRemoteAddress()).getAddress());
        Peer peer = peers.values().stream().filter(p -> p.config().address().equals(remote)).findFirst()
                .orElse(null);
        if (peer == null) {
            LOG.log(Level.INFO, "BGP connection from unconfigured {0} closed", remote.getHostAddress());
            ch.close();
            return;
        }
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (peer.config().gtsm()) {
            try {
                Gtsm.apply((InetSocketAddress) ch.getLocalAddress(), (InetSocketAddress) ch.getRemoteAddress());
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "GTSM on the connection from " + remote.getHostAddress() + " failed", e);
                ch.close();
                return;
            }
        }
        NioLink link = new NioLink(ch, false);
        loop.register(ch, SelectionKey.OP_READ, link);
        peer.accept(link); // the FSM that takes it becomes the link's owner (Link#owner)
    }

    @Override
    public Link connect(Fsm fsm, PeerConfig p) {
        try {
            SocketChannel ch = NetworkNamespace.call(config.netns(), () -> {
                SocketChannel c = SocketChannel.open();
                c.bind(new InetSocketAddress(p.localAddress() != null ? p.localAddress()
                        : p.address() instanceof Inet4Address ? InetAddress.getByName("0.0.0.0")
                                : InetAddress.getByName("::"), 0));
                return c;
            });
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (p.gtsm()) {
                Gtsm.apply((InetSocketAddress) ch.getLocalAddress(), null);
            }
            NioLink link = new NioLink(ch, true);
            ch.connect(new InetSocketAddress(p.address(), p.port()));
            link.attach(loop, fsm);
            return link;
        } catch (IOException | RuntimeException | LinkageError e) {
            String why = e.getMessage();
            Link dead = new DeadLink(true);
            loop.execute(() -> fsm.tcpFailed(dead, "connect: " + why));
            return dead;
        }
    }

    static InetAddress unmap(InetAddress a) {
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
                } catch (UnknownHostException e) {
                    return a;
                }
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ peers

    /** Adds (and starts) a peer, or reconfigures the one of the same name. */
    public void configure(Map<String, ?> properties) {
        PeerConfig c = PeerConfig.parse(properties);
        loop.call(() -> {
            for (Peer other : peers.values()) {
                if (!other.config().name().equals(c.name()) && other.config().address().equals(c.address())) {
                    throw new IllegalArgumentException("address " + c.address().getHostAddress()
                            + " is already peer " + other.config().name());
                }
            }
            Peer existing = peers.get(c.name());
            if (existing != null) {
                existing.reconfigure(c);
                return;
            }
            Peer p = new Peer(() -> config, c, loop, loop, () -> ThreadLocalRandom.current().nextDouble(0.75, 1.0),
                    this, listeners);
            peers.put(c.name(), p);
            p.start();
        });
    }

    /** Removes a peer: Cease / Peer De-configured [RFC 4486 §4]. */
    public boolean remove(String name) {
        boolean[] found = new boolean[1];
        loop.call(() -> {
            Peer p = peers.remove(name);
            if (p != null) {
                found[0] = true;
                p.stop(Fsm.CEASE_PEER_DECONFIGURED, "peer removed from the configuration");
            }
        });
        return found[0];
    }

    public void addListener(SessionListener l) {
        listeners.add(l);
    }

    public void removeListener(SessionListener l) {
        listeners.remove(l);
    }

    Peer peerObject(String name) {
        return peers.get(name);
    }

    EventLoop loop() {
        return loop;
    }

    @Override
    public long localAs() {
        return config.localAs();
    }

    @Override
    public String routerId() {
        return config.routerIdText();
    }

    @Override
    public List<PeerStatus> peers() {
        List<PeerStatus> out = new ArrayList<>();
        peers.values().forEach(p -> out.add(p.status()));
        out.sort(Comparator.comparing(PeerStatus::name));
        return out;
    }

    @Override
    public Optional<PeerStatus> peer(String name) {
        Peer p = peers.get(name);
        return p == null ? Optional.empty() : Optional.of(p.status());
    }

    @Override
    public boolean reset(String name) {
        Peer p = peers.get(name);
        if (p == null) {
            return false;
        }
        loop.execute(p::reset);
        return true;
    }

    /** Stops every peer (Cease / Administrative Shutdown), the listener and the threads. */
    @Override
    public void close() {
        try {
            loop.call(() -> {
                peers.values().forEach(p -> p.stop(Fsm.CEASE_ADMIN_SHUTDOWN, "speaker stopped"));
                peers.clear();
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping the BGP peers", e);
        }
        loop.close();
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        dispatch.shutdown();
    }

    /** A connection that never came to be (the failure is reported to the FSM from the loop). */
    private record DeadLink(boolean outbound) implements Link {
        @Override
        public void send(byte[] message) {
        }

        @Override
        public void close() {
        }

        @Override
        public InetAddress localAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public InetAddress remoteAddress() {
            return InetAddress.getLoopbackAddress();
        }
    }
}
