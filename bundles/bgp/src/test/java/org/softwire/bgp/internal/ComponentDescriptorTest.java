package org.softwire.bgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The DS descriptors bnd generates: the whiteboard follows tunnel-type codecs dynamically and greedily. */
class ComponentDescriptorTest {

    @Test
    void whiteboardReferenceIsDynamicMultipleGreedy() throws Exception {
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/org.softwire.bgp.internal.TunnelTypeWhiteboard.xml"));
        assertThat(xml).contains("interface=\"org.softwire.bgp.tunnel.TunnelTypeCodec\"")
                .contains("cardinality=\"0..n\"").contains("policy=\"dynamic\"").contains("policy-option=\"greedy\"")
                .contains("bind=\"bindCodec\"").contains("unbind=\"unbindCodec\"")
                .contains("<provide interface=\"org.softwire.bgp.tunnel.TunnelTypeRegistry\"/>");
    }

    @Test
    void standardTunnelTypesComponentHasItsPid() throws Exception {
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/org.softwire.bgp.internal.StandardTunnelTypes.xml"));
        assertThat(xml).contains("configuration-pid=\"org.softwire.bgp.tunneltypes\"").contains("immediate=\"true\"");
    }
}
