package org.softwire.dhcpv6.client.internal;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.softwire.dhcpv6.client.Dhcpv6Client;
import org.softwire.dhcpv6.client.Dhcpv6Lease;
import org.softwire.dhcpv6.client.Dhcpv6LeaseListener;
import org.softwire.dslite.B4;

/**
 * Hands the AFTR-Name of a client configured with {@code b4 = <name>} to that B4 ({@link B4#setAftrName}, RFC 6334
 * §5), at each lease change and when the B4 (re)appears; the B4 resolves it and moves its softwire. A lease without
 * an AFTR-Name leaves the B4 on its last AFTR (RFC 8415 §18.2.10 allows keeping it when there is no other source;
 * the B4 has no other one).
 */
@Component(service = Dhcpv6LeaseListener.class, immediate = true)
public final class B4Binding implements Dhcpv6LeaseListener {
    private static final System.Logger LOG = System.getLogger(B4Binding.class.getName());

    private final Map<String, B4> b4s = new ConcurrentHashMap<>();
    private final Map<String, String> aftrByB4 = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addB4(B4 b4) {
        b4s.put(b4.name(), b4);
        String aftr = aftrByB4.get(b4.name());
        if (aftr != null) {
            hand(b4, aftr);
        }
    }

    void removeB4(B4 b4) {
        b4s.remove(b4.name(), b4);
    }

    @Override
    public void leaseChanged(Dhcpv6Client client, Dhcpv6Lease lease) {
        String target = client.b4();
        if (target.isEmpty() || lease == null || lease.aftrName() == null) {
            return;
        }
        aftrByB4.put(target, lease.aftrName());
        B4 b4 = b4s.get(target);
        if (b4 == null) {
            LOG.log(Level.INFO, "DHCPv6 client {0}: AFTR-Name {1} kept for B4 {2}, which is not there yet",
                    client.name(), lease.aftrName(), target);
            return;
        }
        hand(b4, lease.aftrName());
    }

    private static void hand(B4 b4, String aftr) {
        if (aftr.equals(b4.aftrName())) {
            return;
        }
        try {
            b4.setAftrName(aftr);
            LOG.log(Level.INFO, "B4 {0}: AFTR-Name {1} from DHCPv6", b4.name(), aftr);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "B4 {0} refused AFTR-Name {1}: {2}", b4.name(), aftr, e.getMessage());
        }
    }
}
