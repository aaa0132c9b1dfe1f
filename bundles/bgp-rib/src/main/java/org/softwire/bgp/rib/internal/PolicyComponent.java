package org.softwire.bgp.rib.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.BgpPolicy.Direction;
import org.softwire.bgp.rib.BgpPolicy.PrefixRule;
import org.softwire.bgp.rib.BgpPolicy.TunnelScope;

/**
 * One {@link BgpPolicy} service per {@code org.softwire.bgp.policy} factory configuration
 * ({@code etc/org.softwire.bgp.policy-<name>.cfg}). A bad value is logged with the key and value and no policy is
 * registered (an earlier one of this configuration is withdrawn); edits re-register, and the RIB re-evaluates.
 */
@Component(configurationPid = PolicyComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = PolicyConfig.class, factory = true)
public final class PolicyComponent {
    public static final String PID = "org.softwire.bgp.policy";
    private static final System.Logger LOG = System.getLogger(PolicyComponent.class.getName());
    private final BundleContext context;
    private ServiceRegistration<BgpPolicy> registration;

    @Activate
    public PolicyComponent(BundleContext context, Map<String, Object> props) {
        this.context = context;
        apply(props);
    }

    @Modified
    synchronized void apply(Map<String, Object> props) {
        unregister();
        BgpPolicy p;
        try {
            p = parse(props);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "BGP policy " + props.get("service.pid") + " not applied: " + e.getMessage());
            return;
        }
        Hashtable<String, Object> sp = new Hashtable<>();
        sp.put("bgp.policy.name", p.name());
        sp.put("bgp.policy.peer", p.peer());
        registration = context.registerService(BgpPolicy.class, p, sp);
    }

    @Deactivate
    synchronized void unregister() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    /** The policy of a configuration; a bad value throws with the key and value in the message. */
    public static BgpPolicy parse(Map<String, Object> props) {
        String name = str(props, "name", null);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        String peer = str(props, "peer", BgpPolicy.ANY_PEER);
        String dir = str(props, "direction", "import").toLowerCase(Locale.ROOT);
        Direction d = switch (dir) {
            case "import" -> Direction.IMPORT;
            case "export" -> Direction.EXPORT;
            default -> throw new IllegalArgumentException("direction = " + dir + ": expected import or export");
        };
        List<PrefixRule> rules = new ArrayList<>();
        for (String r : list(props, "prefix-list")) {
            rules.add(PrefixRule.parse(r));
        }
        Set<Long> reject = new LinkedHashSet<>();
        list(props, "reject-communities").forEach(c -> reject.add(BgpPolicy.parseCommunity(c)));
        Set<Long> match = new LinkedHashSet<>();
        list(props, "match-communities").forEach(c -> match.add(BgpPolicy.parseCommunity(c)));
        long lp;
        String lps = str(props, "set-local-pref", "-1");
        try {
            lp = Long.parseLong(lps);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("set-local-pref = " + lps + ": not a number", e);
        }
        String nhs = str(props, "next-hop-self", "false");
        if (!nhs.equals("true") && !nhs.equals("false")) {
            throw new IllegalArgumentException("next-hop-self = " + nhs + ": expected true or false");
        }
        String ts = str(props, "tunnel-attribute", "default").toLowerCase(Locale.ROOT);
        TunnelScope scope = switch (ts) {
            case "default" -> TunnelScope.DEFAULT;
            case "accept" -> TunnelScope.ACCEPT;
            case "filter" -> TunnelScope.FILTER;
            default -> throw new IllegalArgumentException("tunnel-attribute = " + ts + ": expected default, accept or filter");
        };
        return new BgpPolicy(name, peer, d, rules, reject, match, lp, Boolean.parseBoolean(nhs), scope);
    }

    private static String str(Map<String, Object> props, String key, String def) {
        Object v = props.get(key);
        return v == null ? def : String.valueOf(v).trim();
    }

    private static List<String> list(Map<String, Object> props, String key) {
        Object v = props.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof String[] a) {
            for (String s : a) {
                out.addAll(List.of(s.split(",")));
            }
        } else if (v != null) {
            out.addAll(List.of(String.valueOf(v).split(",")));
        }
        out.replaceAll(String::trim);
        out.removeIf(String::isEmpty);
        return out;
    }
}
