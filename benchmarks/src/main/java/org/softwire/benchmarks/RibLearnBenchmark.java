package org.softwire.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.internal.RibImpl;
import org.softwire.bgp.wire.BgpDecoder;

/**
 * Time to learn a feed of {@code routes} IPv4 routes with tunnel attributes (see {@link RibFeed}): every UPDATE
 * decoded (RFC 7606 / RFC 9012 checks) and handed to a fresh RIB through {@code SessionListener.update}, as the
 * speaker does. Single shot: one whole feed per measurement into an empty RIB.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RibLearnBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class RibLearnBenchmark {
    @Param({"1000000"})
    public int routes;

    private List<byte[]> feed;
    private RibImpl rib;
    private PeerSession session;

    @Setup(Level.Trial)
    public void feed() {
        feed = RibFeed.updates(routes);
    }

    @Setup(Level.Invocation)
    public void freshRib() {
        rib = new RibImpl();
        rib.setPolicies(List.of(new BgpPolicy("feed-in", "feed", BgpPolicy.Direction.IMPORT, List.of(), Set.of(),
                Set.of(), -1, false, BgpPolicy.TunnelScope.ACCEPT)));
        session = RibFeed.session();
        rib.sessionEstablished(session);
    }

    @Benchmark
    public RibImpl learn() {
        BgpDecoder dec = new BgpDecoder(RibFeed.CTX);
        for (byte[] m : feed) {
            rib.update(session, dec.decode(m, 0, m.length));
        }
        if (rib.locRibCounts().values().iterator().next() != routes) {
            throw new IllegalStateException("learned " + rib.locRibCounts());
        }
        return rib;
    }
}
