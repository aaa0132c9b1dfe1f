package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.encap.EncapsulationCodec;

/**
 * The DS descriptors bnd generates from {@code @Component} + {@code @EncapsulationProperties} (process-classes runs
 * before the tests) register each codec as an EncapsulationCodec with properties matching what the codec says of
 * itself, so the registry can select codecs by property without loading them.
 */
class ComponentDescriptorTest {
    static List<EncapsulationCodec> codecs() {
        return TestPackets.allCodecs();
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void descriptorMatchesTheCodec(EncapsulationCodec codec) throws Exception {
        Path xml = Path.of("target/classes/OSGI-INF/" + codec.getClass().getName() + ".xml");
        assertThat(xml).exists();
        String s = Files.readString(xml);
        assertThat(s).contains("<provide interface=\"org.softwire.encap.EncapsulationCodec\"/>");
        assertThat(s).contains("<implementation class=\"" + codec.getClass().getName() + "\"/>");
        assertThat(s).contains("name=\"softwire.encap.name\" type=\"String\" value=\"" + codec.name() + "\"");
        assertThat(s).contains("name=\"softwire.encap.outer\" type=\"String\" value=\"" + codec.outerFamily().label() + "\"");
        assertThat(s).contains("name=\"softwire.encap.protocol\" type=\"Integer\" value=\"" + codec.protocol() + "\"");
        assertThat(s).contains("name=\"softwire.encap.reference\" type=\"String\" value=\"" + codec.reference() + "\"");
        StringBuilder payload = new StringBuilder();
        codec.payloadFamilies().forEach(f -> payload.append(payload.length() == 0 ? "" : "\n").append(f.label()));
        assertThat(s).contains("name=\"softwire.encap.payload\" type=\"String\">" + payload + "</property>");
    }
}
