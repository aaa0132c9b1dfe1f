package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.ClientIdOption;

/** OPTION_CLIENTID (1, RFC 8415 §21.2): a DUID of any type (§11). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.CLIENTID, name = "CLIENTID")
public final class ClientIdCodec extends BaseCodec<ClientIdOption> {
    public ClientIdCodec() {
        super(OptionCodes.CLIENTID, ClientIdOption.class, "CLIENTID", "RFC 8415 §21.2, §11", true);
    }

    @Override
    public ClientIdOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        return new ClientIdOption(DuidCodec.read(data, "CLIENTID"));
    }

    @Override
    public void encode(ClientIdOption option, ByteBuffer out, EncodeContext context) {
        DuidCodec.write(option.duid(), out);
    }
}
