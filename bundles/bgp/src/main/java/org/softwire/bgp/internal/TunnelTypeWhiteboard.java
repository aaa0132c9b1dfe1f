package org.softwire.bgp.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.softwire.bgp.tunnel.TunnelTypeCodec;
import org.softwire.bgp.tunnel.TunnelTypeRegistry;

/**
 * The registry as a DS component: binds every {@link TunnelTypeCodec} service dynamically and greedily, so that a
 * tunnel type arriving or leaving never restarts the registry's consumers (they hear of it via onChange).
 */
@Component(service = TunnelTypeRegistry.class, immediate = true)
public class TunnelTypeWhiteboard extends TunnelTypeRegistryImpl {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCodec(TunnelTypeCodec codec, Map<String, Object> props) {
        Object declared = props.get(TunnelTypeCodec.TUNNEL_TYPE_PROPERTY);
        if (declared instanceof Number n && n.intValue() != codec.tunnelType()) {
            return; // a property that contradicts the codec: ignore the service rather than mis-file it
        }
        Object r = props.get("service.ranking");
        add(codec, r instanceof Integer i ? i : 0);
    }

    void unbindCodec(TunnelTypeCodec codec) {
        remove(codec);
    }
}
