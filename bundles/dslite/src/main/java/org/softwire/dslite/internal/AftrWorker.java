package org.softwire.dslite.internal;

import java.nio.ByteBuffer;
import org.softwire.dslite.AftrDropReason;
import org.softwire.dslite.internal.AftrCounters.Counter;
import org.softwire.encap.CodecContext;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.Verdict;
import org.softwire.packet.DropReason;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Fragmenter;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.Ipv6Reassembler;
import org.softwire.packet.PacketBuffer;

/**
 * The AFTR data path (RFC 6333 §6) for one batch at a time. One TUN device carries both sides: the kernel routes
 * the AFTR's IPv6 address and the NAT pool into it, so a packet read is either
 * <ul>
 * <li><b>IPv6 to the AFTR address, next header 4</b> (after extension headers): from a B4. The outer source must
 * lie in a provisioned B4 prefix ({@code unprovisioned-b4}, RFC 6333 §11); decapsulated; the inner source must be
 * RFC 1918, 192.0.0.0/29 or configured ({@code inner-source-not-allowed}, §11); then NAT outbound keyed by the
 * B4's address (the extended binding, §6.6): to the IPv4 side, or — hairpinned, or the NAT's ICMP 3/1 — back into
 * the tunnel toward the B4 of the key. An echo request to 192.0.0.1 is answered (RFC 6908 §3.2.2);</li>
 * <li><b>IPv6 to the AFTR address, ICMPv6 error</b> about one of our tunnel packets: relayed as ICMPv4 to the
 * inner sender (RFC 2473 §8) — through the NAT, since the inner sender is outside it;</li>
 * <li><b>IPv4</b>: for the pool: NAT inbound, encapsulated toward the B4 of the binding.</li>
 * </ul>
 * Encapsulation uses the ipv4-in-ipv6 codec in point-to-multipoint mode (the remote is the B4 per packet); an
 * outer packet above the tunnel MTU (inner DF clear, RFC 2473 §7.2) is fragmented as IPv6, never the inner IPv4
 * (RFC 6333 §6.3). ICMPv4 errors the codec builds about a packet going to a B4 (Fragmentation Needed) quote the
 * translated packet, so they go back out through the NAT too (RFC 5508 REQ-5).
 *
 * <p><b>Two passes per batch.</b> With a million sessions each NAT table access misses the caches; the NAT's batch
 * hints overlap those misses when given the whole batch first. Pass 1 does everything before the NAT for every
 * packet (validation, walk, B4 prefix check, decapsulation, inner-source check, MSS clamp) and records in an
 * {@link AftrBatch} what is left; then one {@code prefetchOutbound} over the decapsulated packets with their B4
 * keys and one {@code prefetchInbound} over the IPv4 packets; pass 2 ({@link #finish}) makes the NAT calls and
 * sends, in the order the packets were read. A packet that sends at once or changes state the pending ones depend
 * on (an ICMPv6 error to relay: tunnel MTU, NAT; a reassembly error) first finishes the pending ones, and a
 * completed reassembly finishes them with it, so the output and every NAT decision are the same as one packet at
 * a time.
 *
 * <p>Every packet not forwarded is counted under a reason. Nothing is allocated per packet. Not thread-safe: the
 * caller holds the AFTR's lock around {@link #process} (the NAT engine is single-threaded).
 */
final class AftrWorker {
    static final int MAX_FRAGMENTS = 64;
    private static final int PROTO_IPV4 = 4;
    private static final int PROTO_ICMPV6 = 58;
    private static final int AFTR_V4 = AftrSettings.AFTR_V4.v4();

    private final Sink sink;
    private final AftrCounters counters;
    final CodecContext ctx;
    /** The NAT's ICMP host unreachable (RFC 6888 REQ-11), echo replies. */
    private final PacketBuffer natIcmp = PacketBuffer.allocateDirect(2048, PacketBuffer.DEFAULT_HEADROOM);
    /** A relayed or codec-built ICMPv4 error on its way through the NAT. */
    private final PacketBuffer relay = PacketBuffer.allocateDirect(2048, PacketBuffer.DEFAULT_HEADROOM);
    /** A tunnel packet reassembled from fragments (RFC 6333 §6.3), headroom kept for re-encapsulation. */
    private final PacketBuffer whole = PacketBuffer.allocateDirect(PacketBuffer.DEFAULT_HEADROOM
            + Ipv6Reassembler.MAX_PACKET, PacketBuffer.DEFAULT_HEADROOM);
    private final PacketBuffer[] out;
    private final AftrBatch pending;
    private final PacketBuffer[] one = new PacketBuffer[1];
    private final PacketBuffer[] fragments = new PacketBuffer[MAX_FRAGMENTS];
    private final Ipv6Fragmenter fragmenter = new Ipv6Fragmenter();
    private int fragmentId;
    private int outCount;
    private AftrPlan plan;
    private long now;

    /** Where packets go: the device queue (transmit copies; the buffers stay the caller's). */
    interface Sink {
        /** @return how many of {@code bufs[0, n)} were taken */
        int transmit(PacketBuffer[] bufs, int n);
    }

    AftrWorker(Sink sink, AftrCounters counters, int batch, int fragmentIdSeed) {
        this.sink = sink;
        this.counters = counters;
        this.out = new PacketBuffer[batch];
        this.pending = new AftrBatch(batch);
        this.ctx = new CodecContext(0, PacketBuffer.allocateDirect(2048, PacketBuffer.DEFAULT_HEADROOM));
        ctx.setMultipoint(true);
        for (int i = 0; i < MAX_FRAGMENTS; i++) {
            fragments[i] = PacketBuffer.allocateDirect(2048, PacketBuffer.DEFAULT_HEADROOM);
        }
        this.fragmentId = fragmentIdSeed;
    }

    /** Forwards {@code pkts[0, n)} (at most the batch size) with {@code p}; the buffers stay the caller's. */
    void process(PacketBuffer[] pkts, int n, AftrPlan p, long nowMillis) {
        this.plan = p;
        this.now = nowMillis;
        outCount = 0;
        for (int i = 0; i < n; i++) {
            PacketBuffer pkt = pkts[i];
            if (p.codec() == null) {
                counters.drop(AftrDropReason.NO_CODEC);
                continue;
            }
            int version = pkt.length() > 0 ? pkt.u8(0) >>> 4 : 0;
            if (version == 6) {
                fromTunnelSide(pkt);
            } else if (version == 4) {
                fromInternet(pkt);
            } else {
                counters.drop(DropReason.IPV4_BAD_VERSION);
            }
        }
        finish();
        flush();
    }

    /** Pass 2: the NAT's hints for all pending packets, then their NAT calls and sending, in order. */
    private void finish() {
        if (pending.count == 0) {
            return;
        }
        Nat44Translator nat = plan.nat(); // null only if all that is pending is echo replies
        pending.prefetch(nat);
        for (int i = 0; i < pending.count; i++) {
            PacketBuffer pkt = pending.pkt[i];
            switch (pending.step[i]) {
                case AftrBatch.OUTBOUND -> translateOut(nat, pkt, pending.keyHi[i], pending.keyLo[i]);
                case AftrBatch.INBOUND -> translateIn(nat, pkt);
                default -> echo(pkt, pending.keyHi[i], pending.keyLo[i]);
            }
        }
        pending.clear();
    }

    // ------------------------------------------------------------------ IPv6 side

    private void fromTunnelSide(PacketBuffer pkt) {
        Ipv6Header h = ctx.outer6.wrap(pkt);
        DropReason r = h.validate();
        if (r == DropReason.NONE) {
            r = h.walk();
        }
        if (r != DropReason.NONE) {
            counters.drop(r);
            return;
        }
        ByteBuffer d = pkt.data();
        int o = pkt.start();
        if (d.getLong(o + Ipv6Header.OFF_DESTINATION) != plan.addrHi()
                || d.getLong(o + Ipv6Header.OFF_DESTINATION + 8) != plan.addrLo()) {
            counters.drop(AftrDropReason.NOT_FOR_AFTR);
            return;
        }
        if (h.isFragment()) {
            reassemble(pkt);
            return;
        }
        int proto = h.upperProtocol();
        if (proto == PROTO_IPV4) {
            fromB4(pkt, d.getLong(o + Ipv6Header.OFF_SOURCE), d.getLong(o + Ipv6Header.OFF_SOURCE + 8));
        } else if (proto == PROTO_ICMPV6) {
            finish(); // the relay may lower the tunnel MTU and goes through the NAT: after the packets before it
            relayFromCore(pkt);
        } else {
            counters.drop(AftrDropReason.NOT_TUNNEL_PROTOCOL);
        }
    }

    /**
     * RFC 6333 §6.3, RFC 2473 §7: reassemble before decapsulating. A completed packet is processed from the
     * reassembly buffer and whatever it produced is sent before the next fragment may reuse that buffer.
     */
    private void reassemble(PacketBuffer fragment) {
        Ipv6Reassembler re = plan.reassembler();
        if (re == null) {
            counters.drop(AftrDropReason.FRAGMENT_NOT_REASSEMBLED);
            return;
        }
        whole.clear();
        switch (re.offer(fragment, now * 1_000_000L, whole)) {
            case COMPLETE -> {
                counters.count(Counter.REASSEMBLED);
                fromTunnelSide(whole); // pass 1, after the packets read before it
                finish(); // before the next fragment may reuse the buffer
                flush();
            }
            case ICMP_ERROR -> {
                counters.drop(re.reason());
                finish(); // the packets read before it go first
                sendNow(whole); // ICMPv6 Parameter Problem to the fragment's source (RFC 8200 §4.5)
            }
            case DROPPED -> counters.drop(re.reason());
            default -> {
                // HELD: waiting for the other fragments (NOT_FRAGMENT cannot happen: the walk found one)
            }
        }
    }

    private void fromB4(PacketBuffer pkt, long b4Hi, long b4Lo) {
        if (plan.b4().lookup(b4Hi, b4Lo) < 0) {
            counters.drop(AftrDropReason.UNPROVISIONED_B4); // RFC 6333 §11, RFC 6908 §2.12
            return;
        }
        ctx.markOuter6Walked(pkt);
        DropReason r = plan.codec().decapsulate(pkt, plan.tunnel(), ctx);
        if (r != DropReason.NONE) {
            counters.drop(r);
            return;
        }
        ByteBuffer d = pkt.data();
        int o = pkt.start();
        if (plan.inner().lookup(d.getInt(o + Ipv4Header.OFF_SOURCE)) < 0) {
            counters.drop(AftrDropReason.INNER_SOURCE_NOT_ALLOWED); // RFC 6333 §11
            return;
        }
        counters.count(Counter.FROM_B4);
        if (d.getInt(o + Ipv4Header.OFF_DESTINATION) == AFTR_V4) {
            pending.echo(pkt, b4Hi, b4Lo);
            return;
        }
        if (plan.nat() == null) {
            counters.drop(AftrDropReason.NAT_UNAVAILABLE);
            return;
        }
        clamp(pkt);
        pending.outbound(pkt, b4Hi, b4Lo);
    }

    /** Pass 2 of a packet from a B4: NAT outbound (RFC 6333 §6.6: keyed by the B4's address). */
    private void translateOut(Nat44Translator nat, PacketBuffer pkt, long b4Hi, long b4Lo) {
        switch (nat.outbound(pkt, b4Hi, b4Lo, natIcmp, now)) {
            case FORWARD_EXTERNAL -> {
                counters.count(Counter.TO_INTERNET);
                out[outCount++] = pkt;
            }
            case FORWARD_INTERNAL -> {
                counters.count(Counter.HAIRPINNED);
                toB4(pkt, nat.subscriberKeyHi(), nat.subscriberKeyLo(), true);
            }
            case SEND_ICMP -> {
                counters.count(Counter.ICMP_TO_B4);
                toB4(natIcmp, b4Hi, b4Lo, false); // RFC 6888 REQ-11: host unreachable from 192.0.0.1
            }
            default -> {
                // counted by the NAT engine under its reason
            }
        }
    }

    /** RFC 2473 §8: an ICMPv6 error about a tunnel packet we sent toward a B4, relayed to the inner sender. */
    private void relayFromCore(PacketBuffer pkt) {
        ctx.markOuter6Walked(pkt);
        DropReason r = plan.codec().relayIcmpError(pkt, plan.tunnel(), ctx);
        if (r != DropReason.NONE) {
            counters.drop(r);
            return;
        }
        counters.count(Counter.ICMP_RELAYED);
        // The quoted packet went to the B4 ctx.remote; its inner source is outside the NAT: translate the error as
        // one from that B4's side (RFC 5508 REQ-5), so the quote shows the external endpoint.
        icmpThroughNat(ctx.remoteHi(), ctx.remoteLo());
    }

    // ------------------------------------------------------------------ IPv4 side

    private void fromInternet(PacketBuffer pkt) {
        counters.count(Counter.FROM_INTERNET);
        if (plan.nat() == null) {
            counters.drop(AftrDropReason.NAT_UNAVAILABLE);
            return;
        }
        pending.inbound(pkt);
    }

    /** Pass 2 of a packet from the Internet: NAT inbound, then toward the B4 of the binding. */
    private void translateIn(Nat44Translator nat, PacketBuffer pkt) {
        if (nat.inbound(pkt, now) == Verdict.FORWARD_INTERNAL) {
            clamp(pkt);
            toB4(pkt, nat.subscriberKeyHi(), nat.subscriberKeyLo(), true);
        }
        // otherwise dropped and counted by the NAT engine (no mapping, filtered, malformed)
    }

    // ------------------------------------------------------------------ toward a B4

    /**
     * Encapsulates an IPv4 packet toward the B4 {@code (hi, lo)}. {@code pooled}: the buffer belongs to this batch
     * and is sent with it; otherwise it is one of this worker's scratch buffers and is sent at once.
     */
    private void toB4(PacketBuffer pkt, long hi, long lo, boolean pooled) {
        ctx.remote(hi, lo);
        DropReason r = plan.codec().encapsulate(pkt, plan.tunnel(), ctx);
        if (r != DropReason.NONE) {
            counters.drop(r);
            if (ctx.icmpPending()) {
                ctx.setIcmpPending(false);
                if (pooled) { // never answer an error about our own ICMP (scratch buffers) with another one
                    icmpThroughNat(hi, lo);
                }
            }
            return;
        }
        counters.count(Counter.TO_B4);
        if (pkt.length() > plan.outerMtu()) {
            fragment(pkt);
        } else if (pooled) {
            out[outCount++] = pkt;
        } else {
            sendNow(pkt);
        }
    }

    /**
     * The ICMPv4 error in {@code ctx.icmpOut()} (relayed, or built by the codec) concerns a packet toward the B4
     * {@code (hi, lo)} whose quote holds internal addresses: translated by the NAT as an error from that side
     * (RFC 5508 REQ-5; hairpinned flows come back to the other B4).
     */
    private void icmpThroughNat(long hi, long lo) {
        relay.copyFrom(ctx.icmpOut());
        ctx.setIcmpPending(false);
        Nat44Translator nat = plan.nat();
        if (nat == null) {
            counters.drop(AftrDropReason.NAT_UNAVAILABLE);
            return;
        }
        Verdict v = nat.outbound(relay, hi, lo, null, now);
        if (v == Verdict.FORWARD_EXTERNAL) {
            counters.count(Counter.ICMP_TO_INTERNET);
            sendNow(relay);
        } else if (v == Verdict.FORWARD_INTERNAL) {
            counters.count(Counter.ICMP_TO_B4);
            toB4(relay, nat.subscriberKeyHi(), nat.subscriberKeyLo(), false);
        }
    }

    /** RFC 6908 §3.2.2: IPv4 ping of the AFTR (192.0.0.1) from behind a B4 works. */
    private void echo(PacketBuffer pkt, long b4Hi, long b4Lo) {
        if (!AftrEcho.reply(pkt, natIcmp)) {
            counters.drop(AftrDropReason.NOT_TUNNEL_PROTOCOL);
            return;
        }
        counters.count(Counter.ECHO_REPLIES);
        toB4(natIcmp, b4Hi, b4Lo, false);
    }

    private void clamp(PacketBuffer pkt) {
        int mss = plan.settings().mssClamp();
        if (mss > 0 && MssClamp.clamp(pkt, mss)) {
            counters.count(Counter.MSS_CLAMPED);
        }
    }

    // ------------------------------------------------------------------ output

    /** RFC 6333 §6.3, RFC 2473 §7.2: the IPv6 packet is fragmented after encapsulation, never the inner IPv4. */
    private void fragment(PacketBuffer pkt) {
        for (PacketBuffer f : fragments) {
            f.clear();
        }
        DropReason r = fragmenter.fragment(pkt, Math.max(plan.outerMtu(), Ipv6Fragmenter.MIN_MTU), fragmentId++,
                fragments);
        if (r != DropReason.NONE) {
            counters.drop(r);
            return;
        }
        flush();
        int count = fragmenter.count();
        int taken = sink.transmit(fragments, count);
        counters.count(Counter.FRAGMENTS_OUT, taken);
        if (taken < count) {
            counters.drop(AftrDropReason.TX_NOT_TAKEN, count - taken);
        }
    }

    private void sendNow(PacketBuffer pkt) {
        flush(); // keep the order of what was read
        one[0] = pkt;
        if (sink.transmit(one, 1) < 1) {
            counters.drop(AftrDropReason.TX_NOT_TAKEN);
        }
        one[0] = null;
    }

    private void flush() {
        if (outCount > 0) {
            int taken = sink.transmit(out, outCount);
            if (taken < outCount) {
                counters.drop(AftrDropReason.TX_NOT_TAKEN, outCount - taken);
            }
            for (int i = 0; i < outCount; i++) {
                out[i] = null;
            }
            outCount = 0;
        }
    }
}
