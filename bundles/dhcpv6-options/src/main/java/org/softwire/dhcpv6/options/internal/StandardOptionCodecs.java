package org.softwire.dhcpv6.options.internal;

import java.util.List;
import org.softwire.dhcpv6.OptionCodec;

/** Every codec of this bundle, for plain (non-OSGi) use: tests, benchmarks. */
public final class StandardOptionCodecs {
    private StandardOptionCodecs() {
    }

    public static List<OptionCodec<?>> all() {
        return List.of(new ClientIdCodec(), new ServerIdCodec(), new IaNaCodec(), new IaAddressCodec(), new OroCodec(),
                new PreferenceCodec(), new ElapsedTimeCodec(), new StatusCodeCodec(), new RapidCommitCodec(),
                new DnsServersCodec(), new DomainListCodec(), new IaPdCodec(), new IaPrefixCodec(),
                new InformationRefreshTimeCodec(), new AftrNameCodec(), new SolMaxRtCodec(), new InfMaxRtCodec(),
                new S46RuleCodec(), new S46BrCodec(), new S46DmrCodec(), new S46V4V6BindCodec(),
                new S46PortParamsCodec(), new S46MapECodec(), new S46MapTCodec(), new S46LwCodec(),
                new S46PriorityCodec());
    }
}
