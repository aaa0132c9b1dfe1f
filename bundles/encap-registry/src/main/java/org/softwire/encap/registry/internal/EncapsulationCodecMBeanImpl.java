package org.softwire.encap.registry.internal;

import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import org.softwire.encap.CodecCounters;
import org.softwire.packet.DropReason;

/** The MBean of one codec: reads its description from the registry entry and its counters on each call. */
final class EncapsulationCodecMBeanImpl extends StandardMBean implements EncapsulationCodecMBean {
    static final String[] DROP_ITEMS = {"Reason", "Count", "Description", "Rfc"};
    static final CompositeType DROP_ROW;
    static final TabularType DROPS;

    static {
        try {
            DROP_ROW = new CompositeType("DropCount", "Packets dropped for one reason", DROP_ITEMS,
                    new String[] {"Drop reason (stable name)", "Packets dropped", "What the reason means",
                            "Where the rule comes from"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG, SimpleType.STRING, SimpleType.STRING});
            DROPS = new TabularType("DropsByReason", "Packets dropped by reason", DROP_ROW, new String[] {"Reason"});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("Name", "Codec name, the softwire.encap.name service property"),
            Map.entry("OuterFamily", "Family of the outer (delivery) header: ipv4 or ipv6"),
            Map.entry("PayloadFamilies", "Families carried inside the tunnel"),
            Map.entry("Protocol", "Outer IPv4 protocol / IPv6 next header number"),
            Map.entry("Reference", "RFCs the codec follows"),
            Map.entry("EncapsulatedPackets", "Packets sent into tunnels"),
            Map.entry("EncapsulatedBytes", "Octets sent into tunnels, outer header included"),
            Map.entry("DecapsulatedPackets", "Packets received from tunnels and decapsulated"),
            Map.entry("DecapsulatedBytes", "Octets received from tunnels, outer header included"),
            Map.entry("IcmpGenerated", "ICMP errors originated toward inner senders"),
            Map.entry("IcmpRelayed", "ICMP errors from the tunnel path relayed to inner senders"),
            Map.entry("DroppedPackets", "Packets dropped, all reasons"),
            Map.entry("DropsByReason", "Packets dropped per reason (reasons seen so far)"));

    private final CodecEntry entry;

    EncapsulationCodecMBeanImpl(CodecEntry entry) throws NotCompliantMBeanException {
        super(EncapsulationCodecMBean.class);
        this.entry = entry;
    }

    private CodecCounters.Snapshot counters() {
        return entry.codec().counters().snapshot();
    }

    @Override
    public String getName() {
        return entry.name();
    }

    @Override
    public String getOuterFamily() {
        return entry.outer().label();
    }

    @Override
    public String[] getPayloadFamilies() {
        return entry.payloadLabels().toArray(new String[0]);
    }

    @Override
    public int getProtocol() {
        return entry.protocol();
    }

    @Override
    public String getReference() {
        return entry.reference();
    }

    @Override
    public long getEncapsulatedPackets() {
        return counters().encapPackets();
    }

    @Override
    public long getEncapsulatedBytes() {
        return counters().encapBytes();
    }

    @Override
    public long getDecapsulatedPackets() {
        return counters().decapPackets();
    }

    @Override
    public long getDecapsulatedBytes() {
        return counters().decapBytes();
    }

    @Override
    public long getIcmpGenerated() {
        return counters().icmpGenerated();
    }

    @Override
    public long getIcmpRelayed() {
        return counters().icmpRelayed();
    }

    @Override
    public long getDroppedPackets() {
        return counters().dropTotal();
    }

    @Override
    public TabularData getDropsByReason() {
        TabularDataSupport table = new TabularDataSupport(DROPS);
        for (Map.Entry<DropReason, Long> e : counters().drops().entrySet()) {
            DropReason r = e.getKey();
            try {
                table.put(new CompositeDataSupport(DROP_ROW, DROP_ITEMS,
                        new Object[] {r.label(), e.getValue(), r.description(), r.reference()}));
            } catch (OpenDataException ex) {
                throw new IllegalStateException("drop row for " + r + " does not fit its open type", ex);
            }
        }
        return table;
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return "Encapsulation codec " + entry.name() + " (" + entry.reference() + ")";
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return DESCRIPTIONS.getOrDefault(info.getName(), info.getDescription());
    }
}
