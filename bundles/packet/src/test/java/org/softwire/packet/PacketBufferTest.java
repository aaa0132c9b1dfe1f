package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacketBufferTest {
    @Test
    void prependAndConsumeMoveTheStart() {
        PacketBuffer b = PacketBuffer.of(new byte[] {1, 2, 3});
        assertThat(b.headroom()).isEqualTo(PacketBuffer.DEFAULT_HEADROOM);
        assertThat(b.prepend(2)).isTrue();
        assertThat(b.length()).isEqualTo(5);
        assertThat(b.consume(4)).isTrue();
        assertThat(b.toByteArray()).containsExactly(3);
    }

    @Test
    void refusesWithoutChangingAnything() {
        PacketBuffer b = PacketBuffer.allocate(16, 4);
        b.set(new byte[] {9, 8, 7});
        assertThat(b.prepend(5)).isFalse();
        assertThat(b.prepend(-1)).isFalse();
        assertThat(b.consume(4)).isFalse();
        assertThat(b.setLength(13)).isFalse();
        assertThat(b.start()).isEqualTo(4);
        assertThat(b.length()).isEqualTo(3);
        assertThat(b.setLength(12)).isTrue();
        assertThat(b.tailroom()).isZero();
        assertThatThrownBy(() -> b.setBounds(5, 17)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.set(new byte[13])).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PacketBuffer.allocate(8, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copyFromKeepsTheStartWhenItFits() {
        PacketBuffer src = PacketBuffer.of(new byte[] {1, 2, 3, 4});
        PacketBuffer dst = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, 0);
        dst.copyFrom(src);
        assertThat(dst.start()).isEqualTo(src.start());
        assertThat(dst.toByteArray()).containsExactly(1, 2, 3, 4);
        PacketBuffer small = PacketBuffer.allocate(6, 0);
        small.copyFrom(src);
        assertThat(small.start()).isEqualTo(2);
        assertThat(small.u8(3)).isEqualTo(4);
        dst.clear();
        assertThat(dst.length()).isZero();
        assertThat(dst.start()).isEqualTo(PacketBuffer.DEFAULT_HEADROOM);
        assertThat(PacketBuffer.allocateDirect(64, 16).data().isDirect()).isTrue();
    }
}
