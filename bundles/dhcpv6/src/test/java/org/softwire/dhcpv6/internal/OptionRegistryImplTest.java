package org.softwire.dhcpv6.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.UnknownOption;

/** The registry without OSGi, and a codec that arrives (or leaves) while the message codec is in use. */
class OptionRegistryImplTest {
    /** A made-up option 200 holding one 16-bit value, as a third-party bundle would add it. */
    record Answer(int value) implements Dhcpv6Option {
        public int code() { return 200; }
    }

    static class AnswerCodec implements OptionCodec<Answer> {
        final int offset;

        AnswerCodec(int offset) { this.offset = offset; }

        public int code() { return 200; }
        public Class<Answer> type() { return Answer.class; }
        public String name() { return "ANSWER"; }
        public String reference() { return "test"; }
        public boolean singleton() { return true; }

        public Answer decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
            if (data.remaining() != 2) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.OPTION_BAD_LENGTH, "need 2");
            }
            return new Answer((data.getShort() & 0xffff) + offset);
        }

        public void encode(Answer option, ByteBuffer out, EncodeContext context) {
            out.putShort((short) (option.value() - offset));
        }
    }

    private static final byte[] WIRE = HexFormat.of().parseHex("0700000100c80002002a");

    @Test
    void codecRegisteredLaterIsPickedUpAndOneRemovedFallsBackToOpaque() {
        OptionRegistryImpl registry = new OptionRegistryImpl();
        Dhcpv6MessageCodec codec = new Dhcpv6MessageCodec(registry);

        var before = (DecodeResult.Decoded) codec.decode(WIRE);
        assertThat(before.message().options()).containsExactly(new UnknownOption(200, Octets.ofHex("002a")));
        assertThat(codec.encode(before.message())).isEqualTo(WIRE);

        AnswerCodec answer = new AnswerCodec(0);
        registry.add(answer);
        var after = (DecodeResult.Decoded) codec.decode(WIRE);
        assertThat(after.message().options()).containsExactly(new Answer(42));
        assertThat(codec.encode(new ClientServerMessage(MessageType.REPLY, 1, new Answer(42)))).isEqualTo(WIRE);

        registry.remove(answer);
        assertThat(((DecodeResult.Decoded) codec.decode(WIRE)).message().options())
                .containsExactly(new UnknownOption(200, Octets.ofHex("002a")));
        assertThatThrownBy(() -> codec.encode(new ClientServerMessage(MessageType.REPLY, 1, new Answer(42))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no codec registered for option 200");
    }

    @Test
    void higherRankingServesAndTheOtherStandsIn() {
        OptionRegistryImpl registry = new OptionRegistryImpl();
        AnswerCodec plain = new AnswerCodec(0);
        AnswerCodec ranked = new AnswerCodec(1000);
        registry.bindCodec(plain, Map.of("service.id", 5L, OptionCodec.PROP_CODE, 200));
        registry.bindCodec(ranked, Map.of("service.id", 6L, "service.ranking", 10, OptionCodec.PROP_CODE, 200));
        assertThat(registry.codec(200)).isSameAs(ranked);
        assertThat(registry.codecs()).containsExactly(ranked);
        registry.unbindCodec(ranked, Map.of("service.id", 6L));
        assertThat(registry.codec(200)).isSameAs(plain);
        registry.unbindCodec(plain, Map.of("service.id", 5L));
        assertThat(registry.codec(200)).isNull();
        assertThat(registry.codecs()).isEmpty();
    }

    @Test
    void invalidOptionFromAThirdPartyCodecIsIgnoredAndCounted() {
        Dhcpv6MessageCodec codec = new Dhcpv6MessageCodec(OptionRegistryImpl.of(List.of(new AnswerCodec(0))));
        DecodeResult r = codec.decode(HexFormat.of().parseHex("0700000100c8000100"));
        assertThat(((DecodeResult.Decoded) r).message().options()).isEmpty();
        assertThat(codec.counters().count(Dhcpv6DropReason.OPTION_BAD_LENGTH)).isEqualTo(1);
        assertThat(codec.counters().byReason()).containsExactly(Map.entry("option-bad-length", 1L));
    }

    @Test
    void aCodecThatThrowsIsContained() {
        OptionCodec<Answer> broken = new AnswerCodec(0) {
            @Override
            public Answer decode(ByteBuffer data, DecodeContext context) {
                throw new IllegalStateException("bug");
            }
        };
        Dhcpv6MessageCodec codec = new Dhcpv6MessageCodec(OptionRegistryImpl.of(List.of(broken)));
        DecodeResult r = codec.decode(WIRE);
        assertThat(r.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo(Dhcpv6DropReason.CODEC_FAILURE));
        assertThat(codec.counters().decoded(MessageType.REPLY)).isEqualTo(1);
    }
}
