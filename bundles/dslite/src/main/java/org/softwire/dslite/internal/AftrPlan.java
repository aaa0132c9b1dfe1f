package org.softwire.dslite.internal;

import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.nat44.Nat44Translator;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.Ipv6Reassembler;
import org.softwire.packet.lpm.Ipv4PrefixTable;
import org.softwire.packet.lpm.Ipv6PrefixTable;

/**
 * What the worker reads once per batch: an immutable snapshot of the settings in data-path form, swapped whole
 * (copy-on-write) when the configuration or the codec changes.
 *
 * @param settings    the configuration it was built from
 * @param tunnel      the point-to-multipoint tunnel endpoint (local = the AFTR address; soft state: path MTU)
 * @param codec       the ipv4-in-ipv6 codec, or null while it is missing
 * @param nat         the NAT engine (same instance across snapshots unless the pool or the engine changed), or
 *                    null while no engine factory is there (engine bundle being updated)
 * @param b4          provisioned B4 prefixes
 * @param inner       allowed inner IPv4 sources
 * @param addrHi      AFTR address, high 64 bits
 * @param addrLo      AFTR address, low 64 bits
 * @param outerMtu    largest outer packet sent unfragmented
 * @param reassembler reassembly of fragmented tunnel packets (RFC 6333 §6.3), or null when it is off
 */
record AftrPlan(AftrSettings settings, Tunnel tunnel, EncapsulationCodec codec, Nat44Translator nat,
                Ipv6PrefixTable b4, Ipv4PrefixTable inner, long addrHi, long addrLo, int outerMtu,
                Ipv6Reassembler reassembler) {

    static AftrPlan of(AftrSettings s, Tunnel tunnel, EncapsulationCodec codec, Nat44Translator nat,
                       Ipv6Reassembler reassembler) {
        return new AftrPlan(s, tunnel, codec, nat, s.b4Table(), s.innerTable(), s.address().hi(), s.address().lo(),
                s.tunnelMtu() + Ipv6Header.LENGTH, reassembler);
    }

    AftrPlan withNat(Nat44Translator n) {
        return new AftrPlan(settings, tunnel, codec, n, b4, inner, addrHi, addrLo, outerMtu, reassembler);
    }

    AftrPlan withCodec(EncapsulationCodec c) {
        return new AftrPlan(settings, tunnel, c, nat, b4, inner, addrHi, addrLo, outerMtu, reassembler);
    }
}
