package org.softwire.dhcpv6.server.internal;

import java.util.stream.Collectors;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.option.AftrNameOption;
import org.softwire.dhcpv6.option.DnsServersOption;
import org.softwire.dhcpv6.option.DomainListOption;
import org.softwire.dhcpv6.option.InformationRefreshTimeOption;
import org.softwire.dhcpv6.option.S46BrOption;
import org.softwire.dhcpv6.option.S46DmrOption;
import org.softwire.dhcpv6.option.S46LwContainer;
import org.softwire.dhcpv6.option.S46MapEContainer;
import org.softwire.dhcpv6.option.S46MapTContainer;
import org.softwire.dhcpv6.option.S46PortParamsOption;
import org.softwire.dhcpv6.option.S46PriorityOption;
import org.softwire.dhcpv6.option.S46RuleOption;
import org.softwire.dhcpv6.option.S46V4V6BindOption;

/** One line per served option for operators, e.g. {@code 64 AFTR-Name aftr.example.net}. */
final class OptionText {
    private OptionText() {
    }

    static String describe(Dhcpv6Option o) {
        return o.code() + " " + text(o);
    }

    private static String text(Dhcpv6Option o) {
        if (o instanceof DnsServersOption d) {
            return "DNS servers " + d.servers().stream().map(a -> a.getHostAddress()).collect(Collectors.joining(", "));
        }
        if (o instanceof DomainListOption d) {
            return "domain search " + d.domains().stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        if (o instanceof AftrNameOption a) {
            return "AFTR-Name " + a.name();
        }
        if (o instanceof S46MapEContainer c) {
            return "S46 MAP-E " + inner(c.options());
        }
        if (o instanceof S46MapTContainer c) {
            return "S46 MAP-T " + inner(c.options());
        }
        if (o instanceof S46LwContainer c) {
            return "S46 lw4o6 " + inner(c.options());
        }
        if (o instanceof S46PriorityOption p) {
            return "S46 priority " + p.codes();
        }
        if (o instanceof InformationRefreshTimeOption i) {
            return "information refresh time " + i.seconds() + " s";
        }
        return o.toString();
    }

    private static String inner(java.util.List<Dhcpv6Option> options) {
        return options.stream().map(OptionText::part).collect(Collectors.joining("; ", "[", "]"));
    }

    private static String part(Dhcpv6Option o) {
        if (o instanceof S46RuleOption r) {
            return "rule " + r.ipv4Prefix() + " " + r.ipv6Prefix() + " ea " + r.eaLength() + (r.fmr() ? " fmr" : "")
                    + r.portParams().map(OptionText::ports).orElse("");
        }
        if (o instanceof S46BrOption b) {
            return "br " + b.address().getHostAddress();
        }
        if (o instanceof S46DmrOption d) {
            return "dmr " + d.prefix();
        }
        if (o instanceof S46V4V6BindOption b) {
            return "bind " + b.ipv4Address().getHostAddress() + " " + b.bindPrefix()
                    + b.portParams().map(OptionText::ports).orElse("");
        }
        if (o instanceof S46PortParamsOption p) {
            return ports(p).trim();
        }
        return o.toString();
    }

    private static String ports(S46PortParamsOption p) {
        return " psid-offset " + p.offset() + " psid-len " + p.psidLength() + " psid " + p.psid();
    }
}
