package org.softwire.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.bgp.wire.Action.*;
import static org.softwire.bgp.wire.BgpErrorReason.*;
import static org.softwire.bgp.wire.Wire.*;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per RFC 7606 rule (and the RFC 4271 / 4760 / 6793 rules it refines): the UPDATE, the action, the named
 * reason and, for a reset, the NOTIFICATION code/subcode.
 */
class Rfc7606Test {

    record Case(String rule, SessionContext ctx, byte[] msg, Action action, BgpErrorReason reason, int code,
            int subcode) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Case c(String rule, byte[] msg, Action a, BgpErrorReason r) {
        return new Case(rule, EBGP, msg, a, r, -1, -1);
    }

    static Case c(String rule, SessionContext ctx, byte[] msg, Action a, BgpErrorReason r) {
        return new Case(rule, ctx, msg, a, r, -1, -1);
    }

    static Case reset(String rule, SessionContext ctx, byte[] msg, BgpErrorReason r, int code, int sub) {
        return new Case(rule, ctx, msg, SESSION_RESET, r, code, sub);
    }

    static final String MP_UNREACH_V4 = "800f07 0001 01 18c63365";

    static Stream<Case> cases() {
        return Stream.of(
            reset("§3 (b) withdrawn + attribute length + 23 > message length", EBGP, message(2, hex("0005 0000")),
                    UPDATE_LENGTHS_INCONSISTENT, 3, 1),
            reset("§3 (b) attribute length overruns the message", EBGP, message(2, hex("0000 0010 40010100")),
                    UPDATE_LENGTHS_INCONSISTENT, 3, 1),
            reset("§3 (i) withdrawn prefix length 33", EBGP, update("21c633640100", BASE, NLRI), WITHDRAWN_MALFORMED, 3, 10),
            reset("§3 (j) NLRI prefix length 33", EBGP, update("", BASE, "21c633640100"), NLRI_MALFORMED, 3, 10),
            reset("§5.3 last NLRI overruns the field", EBGP, update("", BASE, "18c633"), NLRI_MALFORMED, 3, 10),
            c("§4 attribute overruns the Total Path Attribute Length", update("", BASE + "c00808 00000001", NLRI),
                    TREAT_AS_WITHDRAW, ATTRIBUTE_OVERRUN),
            c("§4 fewer than 3 octets left for an attribute", update("", BASE + "c008", NLRI), TREAT_AS_WITHDRAW,
                    ATTRIBUTE_OVERRUN),
            c("§4 fewer than 4 octets left with Extended Length", update("", BASE + "d00800", NLRI),
                    TREAT_AS_WITHDRAW, ATTRIBUTE_OVERRUN),
            c("§3 (g) repeated ORIGIN: first kept", update("", BASE + "40010102", NLRI), ATTRIBUTE_DISCARD,
                    DUPLICATE_ATTRIBUTE),
            reset("§3 (g) repeated MP_REACH_NLRI", EBGP, update("", ORIGIN_ASPATH + MP_REACH_V4_V6NH + MP_REACH_V4_V6NH, ""),
                    DUPLICATE_MP_ATTRIBUTE, 3, 1),
            reset("§3 (g) repeated MP_UNREACH_NLRI", EBGP, update("", MP_UNREACH_V4 + MP_UNREACH_V4, ""),
                    DUPLICATE_MP_ATTRIBUTE, 3, 1),
            c("§3 (c) ORIGIN sent as optional", update("", "c0010100" + "4002060201 0000fde9" + "400304c0000201", NLRI),
                    TREAT_AS_WITHDRAW, ATTRIBUTE_FLAGS_ERROR),
            c("§3 (c) COMMUNITIES sent as well-known", update("", BASE + "400804 0000fde9", NLRI), TREAT_AS_WITHDRAW,
                    ATTRIBUTE_FLAGS_ERROR),
            c("§3 (c) + §7.7 AGGREGATOR non-transitive: discard", update("", BASE + "800708 0000fde9 c0000201", NLRI),
                    ATTRIBUTE_DISCARD, AGGREGATOR_MALFORMED),
            c("§3 (d) ORIGIN missing", update("", "4002060201 0000fde9" + "400304c0000201", NLRI), TREAT_AS_WITHDRAW,
                    MISSING_WELL_KNOWN),
            c("§3 (d) AS_PATH missing", update("", "40010100" + "400304c0000201", NLRI), TREAT_AS_WITHDRAW,
                    MISSING_WELL_KNOWN),
            c("§3 (d) NEXT_HOP missing with IPv4 NLRI", update("", ORIGIN_ASPATH, NLRI), TREAT_AS_WITHDRAW,
                    MISSING_WELL_KNOWN),
            c("§3 (d) LOCAL_PREF missing on IBGP", IBGP, update("", BASE, NLRI), TREAT_AS_WITHDRAW, MISSING_WELL_KNOWN),
            c("§7.1 ORIGIN length 2", update("", "4001020000" + "4002060201 0000fde9" + "400304c0000201", NLRI),
                    TREAT_AS_WITHDRAW, ORIGIN_MALFORMED),
            c("§7.1 ORIGIN value 3", update("", "40010103" + "4002060201 0000fde9" + "400304c0000201", NLRI),
                    TREAT_AS_WITHDRAW, ORIGIN_MALFORMED),
            c("§7.2 AS_PATH segment type 5", update("", "40010100" + "4002060501 0000fde9" + "400304c0000201", NLRI),
                    TREAT_AS_WITHDRAW, AS_PATH_MALFORMED),
            c("§7.2 AS_PATH segment length 0", update("", "40010100" + "4002020200" + "400304c0000201", NLRI),
                    TREAT_AS_WITHDRAW, AS_PATH_MALFORMED),
            c("§7.2 AS_PATH segment overruns", update("", "40010100" + "4002060202 0000fde9" + "400304c0000201", NLRI),
                    TREAT_AS_WITHDRAW, AS_PATH_MALFORMED),
            c("§7.2 AS_PATH one octet left over", update("", "40010100" + "4002070201 0000fde9 02" + "400304c0000201",
                    NLRI), TREAT_AS_WITHDRAW, AS_PATH_MALFORMED),
            c("§7.3 NEXT_HOP length 5", update("", ORIGIN_ASPATH + "400305c000020100", NLRI), TREAT_AS_WITHDRAW,
                    NEXT_HOP_MALFORMED),
            c("RFC 4271 §6.3 NEXT_HOP 0.0.0.0 is not a host address", update("", ORIGIN_ASPATH + "40030400000000", NLRI),
                    TREAT_AS_WITHDRAW, NEXT_HOP_MALFORMED),
            c("§7.4 MULTI_EXIT_DISC length 3", update("", BASE + "800403000001", NLRI), TREAT_AS_WITHDRAW,
                    MED_MALFORMED),
            c("§7.5 LOCAL_PREF from EBGP: discard", update("", BASE + "40050400000064", NLRI), ATTRIBUTE_DISCARD,
                    LOCAL_PREF_FROM_EBGP),
            c("§7.5 LOCAL_PREF length 3 on IBGP", IBGP, update("", BASE + "400503000064", NLRI), TREAT_AS_WITHDRAW,
                    LOCAL_PREF_MALFORMED),
            c("§7.6 ATOMIC_AGGREGATE length 1: discard", update("", BASE + "40060100", NLRI), ATTRIBUTE_DISCARD,
                    ATOMIC_AGGREGATE_MALFORMED),
            c("§7.7 AGGREGATOR length 6 on a 4-octet AS session: discard", update("", BASE + "c00706fde9c0000201", NLRI),
                    ATTRIBUTE_DISCARD, AGGREGATOR_MALFORMED),
            c("§7.7 AGGREGATOR length 8 on a 2-octet AS session: discard", OLD,
                    update("", "40010100" + "40020402 01fde9" + "400304c0000201" + "c00708 0000fde9 c0000201", NLRI),
                    ATTRIBUTE_DISCARD, AGGREGATOR_MALFORMED),
            c("§7.8 COMMUNITIES length 3", update("", BASE + "c00803 000001", NLRI), TREAT_AS_WITHDRAW,
                    COMMUNITIES_MALFORMED),
            c("§7.8 + §4 COMMUNITIES length 0", update("", BASE + "c00800", NLRI), TREAT_AS_WITHDRAW,
                    COMMUNITIES_MALFORMED),
            c("§7.9 ORIGINATOR_ID from EBGP: discard", update("", BASE + "800904c0000201", NLRI), ATTRIBUTE_DISCARD,
                    REFLECTION_ATTRIBUTE_FROM_EBGP),
            c("§7.9 ORIGINATOR_ID length 3 on IBGP", IBGP, update("", BASE + "40050400000064" + "800903c00002", NLRI),
                    TREAT_AS_WITHDRAW, REFLECTION_ATTRIBUTE_MALFORMED),
            c("§7.10 CLUSTER_LIST length 5 on IBGP", IBGP, update("", BASE + "40050400000064" + "800a05c000020101", NLRI),
                    TREAT_AS_WITHDRAW, REFLECTION_ATTRIBUTE_MALFORMED),
            reset("§5.3 MP_REACH_NLRI length < 5", EBGP, update("", ORIGIN_ASPATH + "800e04 00010110", ""),
                    MP_REACH_MALFORMED, 3, 9),
            reset("§5.3 MP_REACH_NLRI flags not optional non-transitive", EBGP,
                    update("", ORIGIN_ASPATH + "c00e19 0001 01 10 20010db8000000000000000000000001 00 18c63364", ""),
                    MP_REACH_MALFORMED, 3, 4),
            reset("§5.3 MP_REACH_NLRI IPv4 prefix length 33", EBGP,
                    update("", ORIGIN_ASPATH + "800e1a 0001 01 10 20010db8000000000000000000000001 00 21c6336401", ""),
                    MP_REACH_MALFORMED, 3, 9),
            reset("§5.3 MP_REACH_NLRI IPv6 prefix overruns", EBGP,
                    update("", ORIGIN_ASPATH + "800e17 0002 01 10 20010db8000000000000000000000001 00 4020", ""),
                    MP_REACH_MALFORMED, 3, 9),
            reset("§7.11 MP_REACH_NLRI IPv4 with a 16-octet next hop, extended next hop not negotiated",
                    EBGP.withExtendedNextHop(NONE), update("", ORIGIN_ASPATH + MP_REACH_V4_V6NH, ""),
                    MP_REACH_NEXT_HOP_LENGTH, 3, 9),
            reset("§7.11 MP_REACH_NLRI IPv6 with a 4-octet next hop", EBGP,
                    update("", ORIGIN_ASPATH + "800e0e 0002 01 04 c0000201 00 2020010db8", ""),
                    MP_REACH_NEXT_HOP_LENGTH, 3, 9),
            reset("§7.11 next hop length overruns the attribute", EBGP,
                    update("", ORIGIN_ASPATH + "800e06 0001 01 10 2001", ""), MP_REACH_MALFORMED, 3, 9),
            reset("§5.3 MP_UNREACH_NLRI length < 3", EBGP, update("", "800f02 0001", ""), MP_UNREACH_MALFORMED, 3, 9),
            c("§7.14 EXTENDED_COMMUNITIES length 7", update("", BASE + "c01007 030c0000000007", NLRI),
                    TREAT_AS_WITHDRAW, EXTENDED_COMMUNITIES_MALFORMED),
            c("RFC 6793 §6 AS4_PATH from a NEW speaker: discard", update("", BASE + "c01106 0201 0000fde9", NLRI),
                    ATTRIBUTE_DISCARD, AS4_PATH_FROM_NEW_SPEAKER),
            c("RFC 6793 §6 AS4_PATH malformed from an OLD speaker: discard", OLD,
                    update("", "40010100" + "40020402 015ba0" + "400304c0000201" + "c01105 0201 000100", NLRI),
                    ATTRIBUTE_DISCARD, AS4_PATH_MALFORMED),
            c("RFC 6793 §6 AS4_AGGREGATOR from a NEW speaker: discard", update("", BASE + "c01208 0001000e c0000201", NLRI),
                    ATTRIBUTE_DISCARD, AS4_AGGREGATOR_FROM_NEW_SPEAKER),
            c("RFC 6793 §6 AS4_AGGREGATOR length 7 from an OLD speaker: discard", OLD,
                    update("", "40010100" + "40020402 015ba0" + "400304c0000201" + "c01207 0001000e c00002", NLRI),
                    ATTRIBUTE_DISCARD, AS4_AGGREGATOR_MALFORMED),
            reset("RFC 4271 §6.3 unrecognized well-known attribute", EBGP, update("", BASE + "406301 00", NLRI),
                    UNRECOGNIZED_WELL_KNOWN, 3, 2),
            reset("§5.2 treat-as-withdraw error without reachable NLRI → reset", EBGP, update("", "40010103", ""),
                    ERROR_WITHOUT_NLRI, 3, 6),
            c("§5.2 attribute-discard error without reachable NLRI stays discard", update("", "40060100", ""),
                    ATTRIBUTE_DISCARD, ATOMIC_AGGREGATE_MALFORMED),
            c("§3 (h) discard + treat-as-withdraw → treat-as-withdraw",
                    update("", BASE + "40060100" + "800403000001", NLRI), TREAT_AS_WITHDRAW, MED_MALFORMED),
            reset("§3 (h) treat-as-withdraw + reset → reset", EBGP,
                    update("", BASE + "800403000001" + "406301 00", NLRI), UNRECOGNIZED_WELL_KNOWN, 3, 2));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachRuleGivesItsActionAndReason(Case c) {
        BgpDecoder dec = new BgpDecoder(c.ctx());
        Decoded d = dec.decode(c.msg(), 0, c.msg().length);
        assertThat(d.action()).as("%s: %s", c.rule(), d.problems()).isEqualTo(c.action());
        assertThat(d.has(c.reason())).as("%s: %s", c.rule(), d.problems()).isTrue();
        assertThat(dec.counters().count(c.reason())).isEqualTo(1);
        assertThat(dec.counters().count(c.action())).isEqualTo(1);
        if (c.action() == SESSION_RESET) {
            assertThat(d.notification()).isNotNull();
            assertThat(d.notification().code()).isEqualTo(c.code());
            assertThat(d.notification().subcode()).isEqualTo(c.subcode());
            assertThat(d.effective()).isNull();
        } else {
            assertThat(d.notification()).isNull();
            assertThat(d.effective()).isNotNull();
        }
    }

    @Test
    void treatAsWithdrawWithdrawsEveryAnnouncedRouteOfBothKinds() {
        // classic NLRI 198.51.100.0/24 + MP_REACH 198.51.101.0/24, with a broken MED
        byte[] m = update("", BASE + "800403000001"
                + "800e19 0001 01 10 20010db8000000000000000000000001 00 18c63365", NLRI);
        Decoded d = decode(EBGP, m);
        assertThat(d.action()).isEqualTo(TREAT_AS_WITHDRAW);
        assertThat(d.routesToWithdraw()).extracting(r -> r.family() + " " + r.prefix())
                .containsExactly("1/1 198.51.100.0/24", "1/1 198.51.101.0/24");
        assertThat(d.routesToInstall()).isEmpty();
    }

    @Test
    void discardedAttributeIsGoneFromTheEffectiveUpdateButKeptInTheReceivedOne() {
        byte[] m = update("", BASE + "40060100", NLRI);
        Decoded d = decode(EBGP, m);
        assertThat(d.effective().attributes()).extracting(PathAttribute::typeCode).containsExactly(1, 2, 3);
        assertThat(((UpdateMessage) d.message()).attributes()).extracting(PathAttribute::typeCode)
                .containsExactly(1, 2, 3, 6);
        assertThat(hex(new BgpEncoder(EBGP).encode(d.message()))).isEqualTo(hex(m));
        assertThat(d.routesToInstall()).extracting(r -> r.prefix().toString()).containsExactly("198.51.100.0/24");
    }

    @Test
    void repeatedAttributeKeepsTheFirstOccurrence() {
        Decoded d = decode(EBGP, update("", BASE + "40010102", NLRI));
        assertThat(d.effective().attribute(PathAttribute.Origin.class).orElseThrow().origin()).isZero();
    }

    @Test
    void missingAttributeNotificationNamesTheType() {
        Decoded d = decode(EBGP, update("", "40010100" + "400304c0000201", NLRI));
        Problem p = d.problems().get(0);
        assertThat(p.notification().data()).isEqualTo(Octets.of((byte) 2));
        assertThat(p.notification().subcode()).isEqualTo(NotificationMessage.MISSING_WELL_KNOWN_ATTRIBUTE);
    }

    @Test
    void attributeErrorNotificationCarriesTheAttribute() {
        Decoded d = decode(EBGP, update("", BASE + "406301 00", NLRI));
        assertThat(d.notification().data()).isEqualTo(Octets.hex("40630100"));
    }

    @Test
    void attributesInAnyOrderWithMpReachLast() {
        String te = "c0170c 0007 0008 06 06 00000000 0000";
        Decoded d = decode(EBGP, update("", te + "4002060201 0000fde9" + MP_REACH_V4_V6NH + "40010100", ""));
        assertThat(d.action()).as(d.problems().toString()).isEqualTo(ACCEPT);
        assertThat(d.routesToInstall()).extracting(r -> r.prefix().toString()).containsExactly("198.51.100.0/24");
    }

    @Test
    void mpReachOnlyNeedsNoNextHopAttributeAndAcceptsBothRfc8950Lengths() {
        assertThat(decode(EBGP, update("", ORIGIN_ASPATH + MP_REACH_V4_V6NH, "")).action()).isEqualTo(ACCEPT);
        String nh32 = "800e29 0001 01 20 20010db8000000000000000000000001 fe800000000000000000000000000001 00 18c63364";
        Decoded d = decode(EBGP, update("", ORIGIN_ASPATH + nh32, ""));
        assertThat(d.action()).isEqualTo(ACCEPT);
        MpReachNlri mp = d.effective().attribute(MpReachNlri.class).orElseThrow();
        assertThat(Addresses.text(mp.globalNextHop())).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(mp.nextHopAfi()).isEqualTo(AfiSafi.AFI_IPV6);
    }

    @Test
    void endOfRibMarkersAreAccepted() {
        assertThat(decode(EBGP, update("", "", "")).action()).isEqualTo(ACCEPT);
        assertThat(decode(EBGP, update("", "800f03 000201", "")).action()).isEqualTo(ACCEPT);
    }

    @Test
    void unknownOptionalTransitiveIsKeptAndPropagatedWithPartial() {
        Decoded d = decode(EBGP, update("", BASE + "c0fa03 010203" + "80fb01 09", NLRI));
        assertThat(d.action()).isEqualTo(ACCEPT);
        List<PathAttribute> out = d.effective().attributesForPropagation();
        assertThat(out).contains(new PathAttribute.Unknown(0xe0, 250, Octets.hex("010203")));
        assertThat(out).noneMatch(a -> a.typeCode() == 251); // optional non-transitive: not passed on
    }

    @Test
    void classicWithdrawalsAreListed() {
        Decoded d = decode(EBGP, update("18c63364 10c633", "", ""));
        assertThat(d.action()).isEqualTo(ACCEPT);
        assertThat(d.routesToWithdraw()).extracting(r -> r.prefix().toString())
                .containsExactly("198.51.100.0/24", "198.51.0.0/16");
    }

    @Test
    void fourOctetAsCapableSessionWithAs4PathPresentUsesAsPathOnly() {
        SessionContext ctx = EBGP.withExtendedNextHop(Set.of());
        Decoded d = decode(ctx, update("", BASE + "c01106 0201 0000fde9", NLRI));
        assertThat(d.effective().attribute(As4Path.class)).isEmpty();
    }
}
