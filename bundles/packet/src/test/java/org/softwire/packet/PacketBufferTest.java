package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketBufferTest {
    @Test
    void prependAndConsumeMoveTheStart() {
        PacketBuffer b = PacketBuffer.of(new byte[] {1, 2, 3});
        assertThat(b.prepend(2)).isTrue();
        assertThat(b.length()).isEqualTo(5);
        assertThat(b.consume(4)).isTrue();
        assertThat(b.toByteArray()).containsExactly(3);
    }
}
