package org.softwire.io.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softwire.io.MemoryDevice;
import org.softwire.io.PacketDevice;
import org.softwire.packet.PacketBuffer;

class DeviceTablesTest {
    private static String print(java.util.function.Consumer<PrintStream> p) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        p.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void devicesTableListsCountersSortedByName() {
        try (MemoryDevice.Pair p = MemoryDevice.pair("mem-b", "mem-a", 1500, 4)) {
            p.a().queue(0).transmit(new PacketBuffer[] {PacketBuffer.of(new byte[100]), PacketBuffer.of(new byte[1600])}, 0, 2);
            String out = print(o -> DeviceTables.devices(List.<PacketDevice>of(p.a(), p.b()), o, false));
            assertThat(out.lines()).containsExactly(
                    "Name  | Kind   | Queues |  MTU | State | RX packets | RX octets | TX packets | TX octets | Drops",
                    "------+--------+--------+------+-------+------------+-----------+------------+-----------+------",
                    "mem-a | memory |      1 | 1500 | open  |          0 |         0 |          0 |         0 |     0",
                    "mem-b | memory |      1 | 1500 | open  |          0 |         0 |          1 |       100 |     1");
        }
    }

    @Test
    void deviceShowsEveryDropReason() {
        try (MemoryDevice.Pair p = MemoryDevice.pair("x", "y", 100, 4)) {
            p.a().queue(0).transmit(new PacketBuffer[] {PacketBuffer.of(new byte[101])}, 0, 1);
            String out = print(o -> DeviceTables.device(p.a(), o, false));
            assertThat(out.lines().toList()).startsWith(
                    "x (memory, 1 queue, mtu 100, open)",
                    "rx 0 packets 0 octets, tx 0 packets 0 octets");
            assertThat(out).contains("tx-too-big    |     1 | packet longer than the device MTU");
            assertThat(out.lines().count()).isEqualTo(2 + 2 + org.softwire.io.IoDropReason.count());
        }
    }
}
