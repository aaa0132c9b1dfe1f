package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.softwire.dslite.B4;
import org.softwire.lab.Lab;

/** The B4 role (RFC 6333 §5) manages an ipv4-in-ipv6 softwire configuration toward the AFTR. */
class B4ComponentTest {
    private static final String PID = "org.softwire.softwire~dslite-b4-home";
    private final FakeCm cm = new FakeCm();
    /** A DNS stand-in: name -> addresses. */
    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();

    private B4Instance.Resolver resolver() {
        return name -> {
            List<InetAddress> a = dns.get(name);
            if (a == null) {
                throw new UnknownHostException(name);
            }
            return a;
        };
    }

    private static Map<String, Object> config(String aftr) {
        Map<String, Object> m = new HashMap<>();
        m.put("service.pid", "org.softwire.dslite.b4~home");
        m.put("name", "home");
        m.put("device", "b4tun");
        m.put("local", "2001:db8:0:1::1");
        m.put("aftr", aftr);
        return m;
    }

    private B4Component component(String aftr) {
        return new B4Component(cm.context(), cm.admin(), resolver(), config(aftr));
    }

    private static InetAddress ip(String a) throws UnknownHostException {
        return InetAddress.getByName(a);
    }

    @Test
    void anAddressBecomesTheSoftwiresRemoteWith192002OnTheTunnelSide() {
        B4Component c = component("2001:db8:0:2::1");
        Map<String, Object> sw = cm.get(PID);
        assertThat(sw).containsEntry("name", "b4-home").containsEntry("device", "b4tun")
                .containsEntry("local", "2001:db8:0:1::1").containsEntry("remote", "2001:db8:0:2::1")
                .containsEntry("encapsulation", "ipv4-in-ipv6").containsEntry("icmp-source-v4", "192.0.0.2")
                .containsEntry("dslite.b4", "home");
        B4 b4 = (B4) cm.services.get(0);
        assertThat(b4.aftrAddress()).isEqualTo("2001:db8:0:2::1");
        assertThat(b4.softwireName()).isEqualTo("b4-home");
        c.deactivate();
        assertThat(cm.configs).as("the managed softwire goes with the B4").doesNotContainKey(PID);
        assertThat(cm.services).isEmpty();
    }

    @Test
    void aNameIsResolvedAndANewAddressUpdatesTheSoftwireLive() throws Exception {
        dns.put("aftr.example.net", List.of(ip("192.0.2.9"), ip("2001:db8:0:2::1")));
        B4Component c = component("aftr.example.net");
        assertThat(cm.get(PID)).containsEntry("remote", "2001:db8:0:2::1");
        int updates = cm.updates;
        c.instance().refresh();
        assertThat(cm.updates).as("same address: configuration untouched").isEqualTo(updates);
        dns.put("aftr.example.net", List.of(ip("2001:db8:0:2::2")));
        c.instance().refresh();
        assertThat(cm.get(PID)).containsEntry("remote", "2001:db8:0:2::2");
        // DNS failing: the last address stays, the error is reported
        dns.remove("aftr.example.net");
        c.instance().refresh();
        assertThat(cm.get(PID)).containsEntry("remote", "2001:db8:0:2::2");
        assertThat(c.instance().lastError()).contains("aftr.example.net");
        c.deactivate();
    }

    @Test
    void setAftrNameFromDhcpv6RepointsTheSoftwire() throws Exception {
        B4Component c = component("2001:db8:0:2::1");
        B4 b4 = c.instance();
        dns.put("aftr2.example.net", List.of(ip("2001:db8:0:2::7")));
        b4.setAftrName("aftr2.example.net");
        assertThat(Lab.waitFor(() -> "2001:db8:0:2::7".equals(cm.get(PID).get("remote")), Duration.ofSeconds(5)))
                .as("remote now %s", cm.get(PID)).isTrue();
        assertThat(b4.aftrName()).isEqualTo("aftr2.example.net");
        assertThatThrownBy(() -> b4.setAftrName("not a name!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither an IPv6 address nor a DNS name");
        c.deactivate();
    }

    @Test
    void badValuesAreRefusedWithTheirKey() {
        assertThatThrownBy(() -> B4Settings.from(config("192.0.2.1"))).hasMessageContaining("IPv4 address");
        Map<String, Object> m = config("2001:db8:0:2::1");
        m.put("local", "10.0.0.1");
        assertThatThrownBy(() -> B4Settings.from(m)).hasMessageContaining("local").hasMessageContaining("not an IPv6");
        m.put("local", "2001:db8:0:1::1");
        m.put("prefixes", "2001:db8::/32");
        assertThatThrownBy(() -> B4Settings.from(m)).hasMessageContaining("prefixes");
        // a refused configuration creates nothing
        B4Component c = new B4Component(cm.context(), cm.admin(), resolver(), config("10.1.1.1"));
        assertThat(c.instance()).isNull();
        assertThat(cm.configs).isEmpty();
    }
}
