import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Prints the counters of one DS-Lite AFTR (MBean {@code org.softwire:type=Aftr,name=NAME}) of a running Karaf, read
 * over its JMX RMI connector, one {@code group.label value} line each: {@code aftr.*} (Counters: packets per
 * direction), {@code nat.*} (NatCounters: RFC 8512 / RFC 7870 counters and NAT drops), {@code drop.*}
 * (DropsByReason), {@code gauge.sessions} and {@code gauge.mappings}; then every numeric and map attribute of the
 * softwires ({@code sw.NAME.Attribute[.key]}: the B4's data path) and packet devices ({@code dev.NAME.Attribute[.key]}).
 * Used by dslite-bench.sh (compiled with javac into its temporary directory; JDK only).
 *
 * <pre>javac -d DIR AftrCounters.java; java -cp DIR AftrCounters REGISTRY_PORT SERVER_PORT USER PASSWORD AFTR_NAME</pre>
 */
public final class AftrCounters {
    private AftrCounters() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java AftrCounters REGISTRY_PORT SERVER_PORT USER PASSWORD AFTR_NAME");
            System.exit(2);
        }
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + args[1]
                + "/jndi/rmi://127.0.0.1:" + args[0] + "/karaf-root");
        Map<String, Object> env = Map.of(JMXConnector.CREDENTIALS, new String[] {args[2], args[3]});
        try (JMXConnector c = JMXConnectorFactory.connect(url, env)) {
            MBeanServerConnection jmx = c.getMBeanServerConnection();
            ObjectName aftr = new ObjectName("org.softwire:type=Aftr,name=" + args[4]);
            Map<String, Object> out = new TreeMap<>();
            put(out, "aftr.", jmx.getAttribute(aftr, "Counters"));
            put(out, "nat.", jmx.getAttribute(aftr, "NatCounters"));
            put(out, "drop.", jmx.getAttribute(aftr, "DropsByReason"));
            out.put("gauge.sessions", jmx.getAttribute(aftr, "SessionCount"));
            out.put("gauge.mappings", jmx.getAttribute(aftr, "MappingCount"));
            for (String type : new String[] {"Softwire", "PacketDevice"}) {
                Set<ObjectName> names = jmx.queryNames(new ObjectName("org.softwire:type=" + type + ",*"), null);
                for (ObjectName n : names) {
                    String prefix = (type.equals("Softwire") ? "sw." : "dev.") + n.getKeyProperty("name") + ".";
                    for (MBeanAttributeInfo a : jmx.getMBeanInfo(n).getAttributes()) {
                        Object v = jmx.getAttribute(n, a.getName());
                        if (v instanceof Number) {
                            out.put(prefix + a.getName(), v);
                        } else if (v instanceof TabularData || v instanceof Map<?, ?>) {
                            put(out, prefix + a.getName() + ".", v);
                        }
                    }
                }
            }
            out.forEach((k, v) -> System.out.println(k + " " + v));
        }
    }

    /** An MXBean {@code Map<String, Long>} arrives as TabularData of (key, value) rows. */
    private static void put(Map<String, Object> out, String prefix, Object table) {
        if (table instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(prefix + k, v));
            return;
        }
        for (Object row : ((TabularData) table).values()) {
            CompositeData r = (CompositeData) row;
            out.put(prefix + r.get("key"), r.get("value"));
        }
    }
}
