package org.softwire.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.bgp.wire.Wire.*;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OPEN, NOTIFICATION, KEEPALIVE, ROUTE-REFRESH, header rules, AS4 merge, framing. */
class MessagesTest {
    static final BgpEncoder ENC = new BgpEncoder(EBGP);

    static OpenMessage open() {
        return OpenMessage.of(65550, 90, "192.0.2.1", List.of(
                new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST), new Capability.Multiprotocol(AfiSafi.IPV6_UNICAST),
                new Capability.Multiprotocol(AfiSafi.IPV4_ENCAPSULATION), new Capability.RouteRefresh(),
                new Capability.ExtendedNextHop(List.of(new Capability.ExtendedNextHop.Entry(1, 1, 2))),
                new Capability.FourOctetAs(65550)));
    }

    @Test
    void openEncodesByteExactWithDigestCapabilityVectors() {
        String h = hex(ENC.encode(open()));
        assertThat(h).isEqualTo("ffffffffffffffffffffffffffffffff" + "0041" + "01" + "04" + "5ba0" + "005a" + "c0000201"
                + "24" + "0222" + "0104 00010001".replace(" ", "") + "010400020001" + "010400010007" + "0200"
                + "050600010001 0002".replace(" ", "") + "41040001000e");
        Decoded d = decode(EBGP, ENC.encode(open()));
        assertThat(d.message()).isEqualTo(open());
        assertThat(((OpenMessage) d.message()).effectiveAs()).isEqualTo(65550);
        assertThat(((OpenMessage) d.message()).myAs()).isEqualTo(OpenMessage.AS_TRANS);
    }

    @Test
    void unknownAndMalformedCapabilitiesAreKeptAndIgnored() {
        byte[] m = message(1, hex("04 fde9 005a c0000201 0f 020d 4604 01020304 0105 0001000100"));
        Decoded d = decode(EBGP, m);
        assertThat(d.action()).isEqualTo(Action.ACCEPT);
        assertThat(((OpenMessage) d.message()).capabilities()).containsExactly(
                new Capability.Unknown(70, Octets.hex("01020304")), new Capability.Unknown(1, Octets.hex("0001000100")));
        assertThat(hex(ENC.encode(d.message()))).isEqualTo(hex(m));
    }

    @Test
    void openErrors() {
        assertOpen("03 fde9 005a c0000201 00", BgpErrorReason.UNSUPPORTED_VERSION, 1, "0004");
        assertOpen("04 fde9 0002 c0000201 00", BgpErrorReason.UNACCEPTABLE_HOLD_TIME, 6, "");
        assertOpen("04 fde9 005a 00000000 00", BgpErrorReason.BAD_BGP_IDENTIFIER, 3, "");
        assertOpen("04 fde9 005a c0000201 04 0102 0000", BgpErrorReason.UNSUPPORTED_OPTIONAL_PARAMETER, 4, "");
        assertOpen("04 fde9 005a c0000201 05 0203 0204 00", BgpErrorReason.MALFORMED_OPEN, 0, "");
        assertOpen("04 fde9 005a c0000201 03 0205 00", BgpErrorReason.MALFORMED_OPEN, 0, "");
        assertThat(decode(EBGP, message(1, hex("04 fde9 0000 c0000201 00"))).action()).isEqualTo(Action.ACCEPT);
    }

    static void assertOpen(String body, BgpErrorReason r, int subcode, String data) {
        Decoded d = decode(EBGP, message(1, hex(body)));
        assertThat(d.action()).isEqualTo(Action.SESSION_RESET);
        assertThat(d.has(r)).as(d.problems().toString()).isTrue();
        assertThat(d.notification()).isEqualTo(new NotificationMessage(2, subcode, Octets.hex(data)));
    }

    @Test
    void keepaliveNotificationRouteRefreshRoundTrip() {
        assertThat(hex(ENC.encode(KeepaliveMessage.INSTANCE))).isEqualTo("ffffffffffffffffffffffffffffffff001304");
        NotificationMessage n = new NotificationMessage(6, 2, Octets.hex("0102"));
        assertThat(hex(ENC.encode(n))).isEqualTo("ffffffffffffffffffffffffffffffff0017030602" + "0102");
        RouteRefreshMessage rr = new RouteRefreshMessage(AfiSafi.IPV6_UNICAST);
        assertThat(hex(ENC.encode(rr))).isEqualTo("ffffffffffffffffffffffffffffffff00170500020001");
        for (BgpMessage m : List.of(KeepaliveMessage.INSTANCE, n, rr)) {
            assertThat(decode(EBGP, ENC.encode(m)).message()).isEqualTo(m);
        }
    }

    @Test
    void headerErrors() {
        byte[] k = ENC.encode(KeepaliveMessage.INSTANCE);
        k[3] = 0;
        assertThat(decode(EBGP, k).notification()).isEqualTo(new NotificationMessage(1, 1));
        byte[] t = message(9, new byte[0]);
        assertThat(decode(EBGP, t).notification()).isEqualTo(new NotificationMessage(1, 3, Octets.hex("09")));
        byte[] longKeepalive = message(4, new byte[1]);
        assertThat(decode(EBGP, longKeepalive).notification()).isEqualTo(new NotificationMessage(1, 2, Octets.hex("0014")));
        byte[] shortOpen = message(1, new byte[9]);
        assertThat(decode(EBGP, shortOpen).notification().subcode()).isEqualTo(2);
        byte[] shortNotification = message(3, new byte[1]);
        assertThat(decode(EBGP, shortNotification).has(BgpErrorReason.BAD_MESSAGE_LENGTH)).isTrue();
    }

    @Test
    void framingWaitsForWholeMessagesAndConsumesExactlyOne() {
        byte[] a = ENC.encode(KeepaliveMessage.INSTANCE);
        byte[] b = ENC.encode(new RouteRefreshMessage(AfiSafi.IPV4_UNICAST));
        ByteBuffer buf = ByteBuffer.allocate(a.length + b.length).put(a).put(b, 0, 10).flip();
        BgpDecoder dec = new BgpDecoder(EBGP);
        assertThat(dec.decode(buf).message()).isEqualTo(KeepaliveMessage.INSTANCE);
        assertThat(dec.decode(buf)).isNull();
        assertThat(buf.position()).isEqualTo(a.length);
        ByteBuffer rest = ByteBuffer.allocate(buf.remaining() + b.length - 10).put(buf).put(b, 10, b.length - 10).flip();
        assertThat(dec.decode(rest).message()).isEqualTo(new RouteRefreshMessage(AfiSafi.IPV4_UNICAST));
        assertThat(dec.counters().messages(BgpMessage.TYPE_KEEPALIVE)).isEqualTo(1);
        assertThat(dec.counters().messages(BgpMessage.TYPE_ROUTE_REFRESH)).isEqualTo(1);
        byte[] bad = ENC.encode(KeepaliveMessage.INSTANCE);
        bad[17] = 5; // length 5 < 19
        Decoded d = dec.decode(ByteBuffer.wrap(bad));
        assertThat(d.notification()).isEqualTo(new NotificationMessage(1, 2, Octets.hex("0005")));
    }

    @Test
    void twoOctetAsSessionEncodesAsTransAndMergesAs4Path() {
        AsPath path = new AsPath(List.of(AsPathSegment.sequence(65001L, 70000L, 65002L)));
        UpdateMessage u = new UpdateMessage(List.of(), List.of(new PathAttribute.Origin(0), path,
                new As4Path(List.of(AsPathSegment.sequence(70000L, 65002L))), new PathAttribute.NextHop("192.0.2.1")),
                List.of(Prefix.parse("198.51.100.0/24")));
        byte[] m = new BgpEncoder(OLD).encode(u);
        assertThat(hex(m)).contains("40020802 03 fde9 5ba0 fdea".replace(" ", ""));
        Decoded d = decode(OLD, m);
        assertThat(d.action()).isEqualTo(Action.ACCEPT);
        AsPath received = d.effective().attribute(AsPath.class).orElseThrow();
        assertThat(received.segments().get(0).asns()).containsExactly(65001L, 23456L, 65002L);
        AsPath merged = received.mergeAs4Path(d.effective().attribute(As4Path.class).orElseThrow());
        assertThat(merged.segments()).extracting(AsPathSegment::asns)
                .containsExactly(List.of(65001L), List.of(70000L, 65002L));
        assertThat(merged.pathLength()).isEqualTo(3);
        // AS4_PATH longer than AS_PATH: ignored (RFC 6793 §4.2.3)
        As4Path longer = new As4Path(List.of(AsPathSegment.sequence(1L, 2L, 3L, 4L)));
        assertThat(received.mergeAs4Path(longer)).isEqualTo(received);
        // AS_SET counts as one
        AsPath withSet = new AsPath(List.of(AsPathSegment.sequence(65001L), new AsPathSegment(AsPathSegment.AS_SET,
                List.of(23456L, 65003L))));
        assertThat(withSet.mergeAs4Path(new As4Path(List.of(new AsPathSegment(1, List.of(70000L, 65003L)))))
                .segments()).extracting(AsPathSegment::type).containsExactly(2, 1);
    }

    @Test
    void oversizedUpdateIsRefusedByTheEncoder() {
        List<Prefix> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            many.add(Prefix.parse("198.51." + (i % 256) + ".0/24"));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENC.encode(new UpdateMessage(List.of(), List.of(),
                many))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096");
    }

    @Test
    void prefixKeepsHostBitsForByteExactness() {
        Decoded d = decode(EBGP, update("", BASE, "17c63365"));
        Prefix p = ((UpdateMessage) d.message()).nlri().get(0);
        assertThat(p.toString()).isEqualTo("198.51.101.0/23");
        assertThat(hex(ENC.encode(d.message()))).endsWith("17c63365");
    }
}
