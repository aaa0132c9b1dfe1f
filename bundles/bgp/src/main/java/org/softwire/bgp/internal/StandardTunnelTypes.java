package org.softwire.bgp.internal;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.softwire.bgp.tunnel.TunnelTypeCodec;
import org.softwire.bgp.wire.TunnelTlv;

/**
 * Registers the RFC 9012 tunnel types as {@link TunnelTypeCodec} services with their {@code bgp.tunnel.type}
 * property (ranking -1, so that a bundle implementing the encapsulation can contribute its own codec for a type
 * and win). Configuration PID {@code org.softwire.bgp.tunneltypes}; disabling the component removes them all.
 */
@Component(immediate = true, configurationPid = "org.softwire.bgp.tunneltypes")
public class StandardTunnelTypes {
    private final List<ServiceRegistration<TunnelTypeCodec>> registrations = new java.util.ArrayList<>();

    /** The standard codecs. */
    public static List<TunnelTypeCodec> all() {
        return List.of(new StandardTunnelType.L2tpv3(), new StandardTunnelType.Gre(), new StandardTunnelType.IpInIp(),
                new StandardTunnelType.Vxlan(TunnelTlv.VXLAN, "vxlan"), new StandardTunnelType.Vxlan(TunnelTlv.NVGRE,
                        "nvgre"), new StandardTunnelType.MplsInGre(), new StandardTunnelType.MplsInUdp());
    }

    @Activate
    public StandardTunnelTypes(BundleContext context) {
        for (TunnelTypeCodec c : all()) {
            java.util.Hashtable<String, Object> p = new java.util.Hashtable<>();
            p.put(TunnelTypeCodec.TUNNEL_TYPE_PROPERTY, c.tunnelType());
            p.put("service.ranking", -1);
            registrations.add(context.registerService(TunnelTypeCodec.class, c, p));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<TunnelTypeCodec> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }
}
