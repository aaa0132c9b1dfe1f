package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.ServerIdOption;

/** OPTION_SERVERID (2, RFC 8415 §21.3): a DUID of any type (§11). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.SERVERID, name = "SERVERID")
public final class ServerIdCodec extends BaseCodec<ServerIdOption> {
    public ServerIdCodec() {
        super(OptionCodes.SERVERID, ServerIdOption.class, "SERVERID", "RFC 8415 §21.3, §11", true);
    }

    @Override
    public ServerIdOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        return new ServerIdOption(DuidCodec.read(data, "SERVERID"));
    }

    @Override
    public void encode(ServerIdOption option, ByteBuffer out, EncodeContext context) {
        DuidCodec.write(option.duid(), out);
    }
}
