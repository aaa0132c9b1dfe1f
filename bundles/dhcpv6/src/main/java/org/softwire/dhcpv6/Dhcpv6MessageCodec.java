package org.softwire.dhcpv6;

import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Decodes and encodes DHCPv6 messages (RFC 8415 §8 client/server, §9 relay) with the option codecs of an
 * {@link OptionRegistry}. Thread-safe; one instance per counters set.
 *
 * <p>Decoding never throws. What the RFCs say about bad input, and what this class does:
 * <ul>
 *   <li>the whole message is discarded (a {@link DecodeResult.Dropped}) when its header is short, its msg-type is
 *       unknown (RFC 8415 §16: MUST discard), when the top-level option framing is broken (an option header or
 *       option-len past the end: nothing after it can be parsed; §16 allows discarding an invalid message), or when
 *       a relay message lacks its Relay Message option (§9.1, §9.2) or its relayed message is itself dropped;</li>
 *   <li>one option is ignored, the rest kept (RFC 8415 §16: a receiver MAY extract what it can), when its codec
 *       finds it invalid (wrong length, value out of range, bad domain name: RFC 6334 §3; an S46 container
 *       breaking Table 1: RFC 7598 §6 MUST silently ignore it; an unsupported option inside it: §8), when it is a
 *       further instance of a singleton (RFC 8415 §21 and Table 4; RFC 6334 §5 "use only the first instance"), or
 *       an option valid only inside another at top level (RFC 7598 §3 MUST silently ignore);</li>
 *   <li>unknown options are kept as {@link UnknownOption} (RFC 8415 §16 MUST NOT discard).</li>
 * </ul>
 * Every dropped message and ignored option is counted in {@link #counters()} under its
 * {@link Dhcpv6DropReason}.
 */
public final class Dhcpv6MessageCodec {
    private static final System.Logger LOG = System.getLogger(Dhcpv6MessageCodec.class.getName());
    /** Relay messages nested deeper than this are dropped (HOP_COUNT_LIMIT is 8, RFC 8415 §7.6). */
    public static final int MAX_RELAY_DEPTH = 32;
    /** Options encapsulated deeper than this are ignored (the deepest standard nesting is 3). */
    public static final int MAX_OPTION_DEPTH = 8;
    /** Client/server header octets (RFC 8415 §8). */
    public static final int HEADER_LENGTH = 4;
    /** Relay header octets (RFC 8415 §9). */
    public static final int RELAY_HEADER_LENGTH = 34;
    private static final int MAX_MESSAGE = 65_535;
    private static final ThreadLocal<ByteBuffer> SCRATCH = ThreadLocal.withInitial(() -> ByteBuffer.allocate(MAX_MESSAGE));

    private final OptionRegistry registry;
    private final Dhcpv6Counters counters;
    private final Encoder encoder = new Encoder();

    public Dhcpv6MessageCodec(OptionRegistry registry) {
        this(registry, new Dhcpv6Counters());
    }

    public Dhcpv6MessageCodec(OptionRegistry registry, Dhcpv6Counters counters) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    public Dhcpv6Counters counters() { return counters; }

    public OptionRegistry registry() { return registry; }

    /** Decodes a whole UDP payload. */
    public DecodeResult decode(byte[] datagram) {
        return decode(ByteBuffer.wrap(datagram));
    }

    /** Decodes the octets between {@code datagram}'s position and limit (which are left unchanged). */
    public DecodeResult decode(ByteBuffer datagram) {
        Decoder d = new Decoder(datagram.slice().order(ByteOrder.BIG_ENDIAN));
        try {
            Dhcpv6Message m = d.message(0, d.buf.limit(), 0);
            counters.countDecoded(m.type());
            for (OptionProblem p : d.problems) {
                counters.countReason(p.reason());
            }
            return new DecodeResult.Decoded(m, d.problems);
        } catch (Dhcpv6DecodeException e) {
            counters.countReason(e.reason());
            return new DecodeResult.Dropped(e.reason(), e.getMessage(), d.problems);
        } catch (RuntimeException e) {
            // a bug, not bad input: still no exception for the caller
            LOG.log(Level.ERROR, "DHCPv6 decoder failed", e);
            counters.countReason(Dhcpv6DropReason.CODEC_FAILURE);
            return new DecodeResult.Dropped(Dhcpv6DropReason.CODEC_FAILURE, String.valueOf(e), d.problems);
        }
    }

    /** Encodes to a new array. */
    public byte[] encode(Dhcpv6Message message) {
        ByteBuffer buf = SCRATCH.get();
        buf.clear();
        int n = encode(message, buf);
        byte[] out = new byte[n];
        buf.get(0, out);
        return out;
    }

    /**
     * Writes the message at {@code out}'s position (big-endian buffer) and advances it.
     *
     * @return octets written
     * @throws IllegalArgumentException if an option has no codec, or the message or an option is too long
     */
    public int encode(Dhcpv6Message message, ByteBuffer out) {
        if (out.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("the output buffer must be big-endian");
        }
        int start = out.position();
        try {
            encoder.message(message, out);
        } catch (BufferOverflowException e) {
            out.position(start);
            throw new IllegalArgumentException(message.type().rfcName() + " does not fit the " + (out.limit() - start)
                    + " octets left in the buffer", e);
        } catch (RuntimeException e) {
            out.position(start);
            throw e;
        }
        counters.countEncoded(message.type());
        return out.position() - start;
    }

    /** Per-call decoding state; also the context option codecs decode their encapsulated options through. */
    private final class Decoder implements DecodeContext {
        final ByteBuffer buf;
        final List<OptionProblem> problems = new ArrayList<>();
        int optionDepth;
        int currentCode;
        int currentOffset;

        Decoder(ByteBuffer buf) {
            this.buf = buf;
        }

        Dhcpv6Message message(int start, int end, int relayDepth) throws Dhcpv6DecodeException {
            if (end - start < 1) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.MESSAGE_TRUNCATED, "empty message");
            }
            int code = buf.get(start) & 0xff;
            MessageType type = MessageType.ofCode(code);
            if (type == null) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.UNKNOWN_MESSAGE_TYPE, "msg-type " + code);
            }
            if (!type.isRelay()) {
                if (end - start < HEADER_LENGTH) {
                    throw new Dhcpv6DecodeException(Dhcpv6DropReason.MESSAGE_TRUNCATED,
                            type.rfcName() + " of " + (end - start) + " octets, the header has 4");
                }
                int xid = buf.getInt(start) & 0xffffff;
                return new ClientServerMessage(type, xid, topLevel(start + HEADER_LENGTH, end, false, relayDepth));
            }
            if (end - start < RELAY_HEADER_LENGTH) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.MESSAGE_TRUNCATED,
                        type.rfcName() + " of " + (end - start) + " octets, the header has 34");
            }
            int hops = buf.get(start + 1) & 0xff;
            Inet6Address link = address(start + 2);
            Inet6Address peer = address(start + 18);
            List<Dhcpv6Option> options = topLevel(start + RELAY_HEADER_LENGTH, end, true, relayDepth);
            RelayMessage m = new RelayMessage(type, hops, link, peer, options);
            if (m.relayed().isEmpty()) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.RELAY_WITHOUT_MESSAGE,
                        type.rfcName() + " without a Relay Message option");
            }
            return m;
        }

        private Inet6Address address(int at) {
            byte[] a = new byte[16];
            buf.get(at, a);
            return Addresses.ipv6(a);
        }

        private List<Dhcpv6Option> topLevel(int p, int end, boolean relay, int relayDepth)
                throws Dhcpv6DecodeException {
            List<Dhcpv6Option> out = new ArrayList<>();
            BitSet seen = new BitSet();
            while (p < end) {
                if (end - p < 4) {
                    throw new Dhcpv6DecodeException(Dhcpv6DropReason.OPTION_TRUNCATED,
                            (end - p) + " octets left at offset " + p + " for a 4-octet option header");
                }
                int code = buf.getShort(p) & 0xffff;
                int len = buf.getShort(p + 2) & 0xffff;
                int data = p + 4;
                if (len > end - data) {
                    throw new Dhcpv6DecodeException(Dhcpv6DropReason.OPTION_BEYOND_MESSAGE, "option " + code
                            + " at offset " + p + " has option-len " + len + ", only " + (end - data) + " left");
                }
                int next = data + len;
                if (relay && code == OptionCodes.RELAY_MSG) {
                    if (seen.get(code)) {
                        problem(code, p, Dhcpv6DropReason.DUPLICATE_SINGLETON, "further Relay Message option");
                    } else {
                        seen.set(code);
                        if (relayDepth + 1 > MAX_RELAY_DEPTH) {
                            throw new Dhcpv6DecodeException(Dhcpv6DropReason.RELAY_NESTING_TOO_DEEP,
                                    "more than " + MAX_RELAY_DEPTH + " nested relay messages");
                        }
                        try {
                            out.add(new RelayMessageOption(message(data, next, relayDepth + 1)));
                        } catch (Dhcpv6DecodeException e) {
                            throw new Dhcpv6DecodeException(e.reason(), "relayed message at offset " + data + ": "
                                    + e.getMessage());
                        }
                    }
                    p = next;
                    continue;
                }
                OptionCodec<?> codec = registry.codec(code);
                if (codec == null) {
                    byte[] b = new byte[len];
                    buf.get(data, b);
                    out.add(new UnknownOption(code, Octets.of(b)));
                } else if (!codec.topLevel()) {
                    problem(code, p, Dhcpv6DropReason.ENCAPSULATED_OPTION_AT_TOP_LEVEL,
                            codec.name() + " is only valid inside another option");
                } else if (codec.singleton() && seen.get(code)) {
                    problem(code, p, Dhcpv6DropReason.DUPLICATE_SINGLETON,
                            "further instance of singleton " + codec.name() + "; the first one is used");
                } else {
                    seen.set(code);
                    Dhcpv6Option o = decodeOne(codec, code, p, data, len);
                    if (o != null) {
                        out.add(o);
                    }
                }
                p = next;
            }
            return out;
        }

        /** Runs one codec; an invalid option becomes a problem and null. */
        private Dhcpv6Option decodeOne(OptionCodec<?> codec, int code, int at, int data, int len) {
            int savedCode = currentCode;
            int savedOffset = currentOffset;
            currentCode = code;
            currentOffset = at;
            try {
                Dhcpv6Option o = codec.decode(buf.slice(data, len), this);
                if (o == null || o.code() != code) {
                    problem(code, at, Dhcpv6DropReason.CODEC_FAILURE, codec.name() + " codec returned " + o);
                    return null;
                }
                return o;
            } catch (Dhcpv6DecodeException e) {
                problem(code, at, e.reason(), codec.name() + ": " + e.getMessage());
            } catch (BufferUnderflowException e) {
                problem(code, at, Dhcpv6DropReason.OPTION_BAD_LENGTH, codec.name() + ": option-len " + len
                        + " too short for its fields");
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "DHCPv6 option codec " + codec.name() + " failed on option-len " + len, e);
                problem(code, at, Dhcpv6DropReason.CODEC_FAILURE, codec.name() + ": " + e);
            } finally {
                currentCode = savedCode;
                currentOffset = savedOffset;
            }
            return null;
        }

        private void problem(int code, int at, Dhcpv6DropReason reason, String detail) {
            problems.add(new OptionProblem(code, at, reason, detail));
        }

        @Override
        public List<Dhcpv6Option> decodeOptions(ByteBuffer data) throws Dhcpv6DecodeException {
            if (optionDepth >= MAX_OPTION_DEPTH) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.OPTION_NESTING_TOO_DEEP,
                        "options nested more than " + MAX_OPTION_DEPTH + " levels deep");
            }
            optionDepth++;
            try {
                ByteBuffer d = data.slice().order(ByteOrder.BIG_ENDIAN);
                List<Dhcpv6Option> out = new ArrayList<>();
                while (d.hasRemaining()) {
                    if (d.remaining() < 4) {
                        throw new Dhcpv6DecodeException(Dhcpv6DropReason.ENCAPSULATED_OPTION_OVERRUN,
                                d.remaining() + " octets left for a 4-octet encapsulated option header");
                    }
                    int code = d.getShort() & 0xffff;
                    int len = d.getShort() & 0xffff;
                    if (len > d.remaining()) {
                        throw new Dhcpv6DecodeException(Dhcpv6DropReason.ENCAPSULATED_OPTION_OVERRUN,
                                "encapsulated option " + code + " has option-len " + len + ", only "
                                        + d.remaining() + " left");
                    }
                    ByteBuffer od = d.slice(d.position(), len);
                    d.position(d.position() + len);
                    OptionCodec<?> codec = registry.codec(code);
                    if (codec == null) {
                        byte[] b = new byte[len];
                        od.get(b);
                        out.add(new UnknownOption(code, Octets.of(b)));
                        continue;
                    }
                    Dhcpv6Option o;
                    try {
                        o = codec.decode(od, this);
                    } catch (BufferUnderflowException e) {
                        throw new Dhcpv6DecodeException(Dhcpv6DropReason.OPTION_BAD_LENGTH, "encapsulated "
                                + codec.name() + ": option-len " + len + " too short for its fields");
                    } catch (Dhcpv6DecodeException e) {
                        throw new Dhcpv6DecodeException(e.reason(), "encapsulated " + codec.name() + ": "
                                + e.getMessage());
                    }
                    if (o == null || o.code() != code) {
                        throw new Dhcpv6DecodeException(Dhcpv6DropReason.CODEC_FAILURE,
                                codec.name() + " codec returned " + o);
                    }
                    out.add(o);
                }
                return out;
            } finally {
                optionDepth--;
            }
        }

        @Override
        public void note(Dhcpv6DropReason reason, String detail) {
            problem(currentCode, currentOffset, reason, detail);
        }

        @Override
        public boolean known(int code) {
            return registry.codec(code) != null;
        }
    }

    /** Stateless writer; also the context option codecs encode their encapsulated options through. */
    private final class Encoder implements EncodeContext {
        void message(Dhcpv6Message message, ByteBuffer out) {
            if (message instanceof ClientServerMessage m) {
                out.putInt(m.type().code() << 24 | m.transactionId());
            } else {
                RelayMessage r = (RelayMessage) message;
                out.put((byte) r.type().code());
                out.put((byte) r.hopCount());
                out.put(r.linkAddress().getAddress());
                out.put(r.peerAddress().getAddress());
            }
            encodeOptions(message.options(), out);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void encodeOptions(List<? extends Dhcpv6Option> options, ByteBuffer out) {
            for (Dhcpv6Option o : options) {
                int code = o.code();
                out.putShort((short) code);
                int lenAt = out.position();
                out.putShort((short) 0);
                int dataAt = out.position();
                if (o instanceof UnknownOption u) {
                    u.data().writeTo(out);
                } else if (o instanceof RelayMessageOption r) {
                    message(r.message(), out);
                } else {
                    OptionCodec codec = registry.codec(code);
                    if (codec == null) {
                        throw new IllegalArgumentException("no codec registered for option " + code + " ("
                                + o.getClass().getSimpleName() + ")");
                    }
                    if (!codec.type().isInstance(o)) {
                        throw new IllegalArgumentException("the codec for option " + code + " takes "
                                + codec.type().getSimpleName() + ", not " + o.getClass().getSimpleName());
                    }
                    codec.encode(o, out, this);
                }
                int len = out.position() - dataAt;
                if (len > 0xffff) {
                    throw new IllegalArgumentException("option " + code + " has " + len + " octets of data, max 65535");
                }
                out.putShort(lenAt, (short) len);
            }
        }
    }
}
