package org.softwire.benchmarks;

import java.util.Arrays;
import java.util.Map;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.internal.EngineFactory;
import org.softwire.packet.PacketBuffer;

/**
 * The AFTR's pause when the NAT engine is handed over (issue 4 item 4): {@code detachState} on the old engine and
 * {@code Nat44EngineFactory.adopt} by the new one, with N live sessions over a real port-block allocator (64
 * flows per subscriber, a /23 pool). The data path holds the AFTR lock for exactly this long during a bundle
 * update. Prints min, median and max over the rounds; checks that every session is still there.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.softwire.benchmarks.Nat44HandoverPause [sessions] [rounds]</pre>
 */
public final class Nat44HandoverPause {
    private Nat44HandoverPause() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        int subscribers = n / Nat44Flows.PER_SUBSCRIBER + 1024;
        Nat44Config config = Nat44Config.builder().capacity(n).maxSubscribers(subscribers).build();
        AllocatorConfig allocation = AllocatorConfig.builder().pool("198.18.0.0/23").maxSubscribers(subscribers)
                .build();
        EngineFactory factory = new EngineFactory((allocated, hi, lo, protocol, address, first, last, time) -> {
        });
        Nat44Translator engine = factory.create(config, allocation);
        PacketBuffer out = PacketBuffer.allocate(2048, 128);
        byte[] template = Nat44Flows.outbound();
        long now = 1_000_000;
        for (int f = 0; f < n; f++) {
            out.set(template);
            out.data().putShort(out.start() + 20, (short) Nat44Flows.port(f));
            engine.outbound(out, Nat44Flows.keyHi(f), Nat44Flows.keyLo(f), null, now);
        }
        if (engine.sessionCount() != n) {
            throw new IllegalStateException("only " + engine.sessionCount() + " of " + n + " sessions created");
        }
        long[] nanos = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            Map<String, Object> state = engine.detachState();
            engine = factory.adopt(config, allocation, state, now);
            nanos[r] = System.nanoTime() - t0;
            if (engine.sessionCount() != n) {
                throw new IllegalStateException("round " + r + ": " + engine.sessionCount() + " sessions left");
            }
        }
        Arrays.sort(nanos);
        System.out.printf("hand-over of %d sessions, %d subscribers (%d rounds): min %.3f ms, median %.3f ms,"
                + " max %.3f ms%n", n, engine.subscriberUsages(0, 0, Integer.MAX_VALUE).size(), rounds,
                nanos[0] / 1e6, nanos[rounds / 2] / 1e6, nanos[rounds - 1] / 1e6);
    }
}
