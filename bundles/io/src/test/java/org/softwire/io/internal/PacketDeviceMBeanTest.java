package org.softwire.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.softwire.io.MemoryDevice;
import org.softwire.packet.PacketBuffer;

class PacketDeviceMBeanTest {
    @Test
    void objectNameFollowsTheConvention() throws Exception {
        assertThat(PacketDeviceMBean.objectName("tun0"))
                .isEqualTo(new ObjectName("org.softwire:type=PacketDevice,name=tun0"));
        assertThat(PacketDeviceMBean.objectName("a,b").getKeyProperty("name")).isEqualTo("\"a,b\"");
    }

    @Test
    void countersAreReadableThroughTheMBeanServerAsOpenTypes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try (MemoryDevice.Pair p = MemoryDevice.pair("jmx-a", "jmx-b", 100, 4)) {
            ObjectName name = PacketDeviceMBean.objectName("jmx-a");
            server.registerMBean(new PacketDeviceMBean(p.a()), name);
            try {
                p.a().queue(0).transmit(new PacketBuffer[] {PacketBuffer.of(new byte[40]), PacketBuffer.of(new byte[200])}, 0, 2);
                assertThat(server.getAttribute(name, "TxPackets")).isEqualTo(1L);
                assertThat(server.getAttribute(name, "TxBytes")).isEqualTo(40L);
                assertThat(server.getAttribute(name, "Kind")).isEqualTo("memory");
                assertThat(server.getAttribute(name, "Mtu")).isEqualTo(100);
                assertThat(server.getAttribute(name, "DropsTotal")).isEqualTo(1L);
                TabularData drops = (TabularData) server.getAttribute(name, "Drops");
                CompositeData row = drops.get(new Object[] {"tx-too-big"});
                assertThat(row.get("value")).isEqualTo(1L);
            } finally {
                server.unregisterMBean(name);
            }
        }
    }
}
