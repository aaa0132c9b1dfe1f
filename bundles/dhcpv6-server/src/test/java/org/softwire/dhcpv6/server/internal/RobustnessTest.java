package org.softwire.dhcpv6.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dhcpv6.server.internal.Fixtures.CLIENT;
import static org.softwire.dhcpv6.server.internal.Fixtures.SERVER_ID;
import static org.softwire.dhcpv6.server.internal.Fixtures.msg;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.RelayMessage;
import org.softwire.dhcpv6.RelayMessageOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.IaPdOption;
import org.softwire.dhcpv6.option.OptionRequestOption;
import org.softwire.dhcpv6.option.RapidCommitOption;

/**
 * Every truncation and many corruptions of valid client and relay messages go through the server's decode and
 * answer path as the listener runs it: never an exception, and every datagram is answered or counted as dropped.
 */
class RobustnessTest {
    @Test
    void corruptedDatagramsAreAnsweredOrCountedNeverThrown() {
        Fixtures f = new Fixtures();
        List<Dhcpv6Message> seeds = List.of(
                msg(MessageType.SOLICIT, CLIENT, new RapidCommitOption(), OptionRequestOption.of(64, 94, 96, 111),
                        new IaNaOption(1, 0, 0, List.of()), new IaPdOption(2, 0, 0, List.of())),
                msg(MessageType.REQUEST, CLIENT, SERVER_ID, new IaNaOption(1, 0, 0, List.of())),
                msg(MessageType.INFORMATION_REQUEST, CLIENT, OptionRequestOption.of(64, 23)),
                new RelayMessage(MessageType.RELAY_FORW, 0, Addresses.parseIpv6("2001:db8:1::1"),
                        Addresses.parseIpv6("fe80::1"), List.of(new RelayMessageOption(msg(MessageType.RENEW, CLIENT,
                                SERVER_ID, new IaNaOption(1, 0, 0, List.of()))))));
        Random rnd = new Random(8415);
        long datagrams = 0;
        long answered = 0;
        for (Dhcpv6Message seed : seeds) {
            byte[] wire = f.peer.encode(seed);
            for (int len = 0; len <= wire.length; len++) {
                answered += serve(f, java.util.Arrays.copyOf(wire, len));
                datagrams++;
            }
            for (int i = 0; i < 3000; i++) {
                byte[] b = wire.clone();
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                answered += serve(f, b);
                datagrams++;
            }
        }
        long dropped = f.counters.droppedMessages();
        assertThat(answered + dropped).as("answered %d + dropped %d of %d", answered, dropped, datagrams)
                .isEqualTo(datagrams);
        assertThat(dropped).isPositive();
        assertThat(answered).isPositive();
    }

    /** What the listener does with one datagram: 1 if answered, 0 if dropped. */
    private static int serve(Fixtures f, byte[] datagram) {
        DecodeResult r = f.codec.decode(datagram);
        if (!(r instanceof DecodeResult.Decoded d)) {
            return 0;
        }
        return f.engine.handle(d.message(), new ServerEngine.Ingress("eth0", true)).map(m -> {
            f.codec.encode(m);
            return 1;
        }).orElse(0);
    }
}
