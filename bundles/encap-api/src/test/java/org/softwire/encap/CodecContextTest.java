package org.softwire.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.softwire.packet.PacketBuffer;

class CodecContextTest {
    @Test
    void aSeedMakesTheIpv4IdentificationSequenceDeterministicAndWrapsAt16Bits() {
        PacketBuffer icmp = PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM);
        CodecContext ctx = new CodecContext(3, icmp, 0x1FFFE);
        assertThat(ctx.nextIpv4Id()).isEqualTo(0xFFFE);
        assertThat(ctx.nextIpv4Id()).isEqualTo(0xFFFF);
        assertThat(ctx.nextIpv4Id()).isEqualTo(0x0000);
        assertThat(ctx.nextIpv4Id()).isEqualTo(0x0001);
        assertThat(ctx.worker()).isEqualTo(3);
        assertThat(ctx.icmpOut()).isSameAs(icmp);
        CodecContext again = new CodecContext(0, icmp, 0x1FFFE);
        assertThat(again.nextIpv4Id()).isEqualTo(0xFFFE);
    }

    @Test
    void theUnseededConstructorsStillCountUpByOne() {
        CodecContext ctx = new CodecContext(0);
        int first = ctx.nextIpv4Id();
        assertThat(ctx.nextIpv4Id()).isEqualTo((first + 1) & 0xFFFF);
    }

    @Test
    void aNegativeWorkerIsRefusedByEveryConstructor() {
        PacketBuffer icmp = PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM);
        assertThatThrownBy(() -> new CodecContext(-1, icmp, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodecContext(-1, icmp)).isInstanceOf(IllegalArgumentException.class);
    }
}
