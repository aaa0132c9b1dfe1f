package org.softwire.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.softwire.packet.PacketBuffer;

class PacketPoolTest {
    @Test
    void acquireHandsOutEveryBufferOnceThenNull() {
        PacketPool pool = new PacketPool(3, 2048, false);
        PacketBuffer a = pool.acquire();
        PacketBuffer b = pool.acquire();
        PacketBuffer c = pool.acquire();
        assertThat(pool.acquire()).isNull();
        assertThat(a).isNotSameAs(b).isNotSameAs(c);
        assertThat(b).isNotSameAs(c);
        assertThat(pool.available()).isZero();
        assertThat(a.headroom()).isEqualTo(PacketBuffer.DEFAULT_HEADROOM);
        assertThat(a.capacity()).isEqualTo(2048);
    }

    @Test
    void releaseClearsToDefaultHeadroomAndReuses() {
        PacketPool pool = new PacketPool(1, 2048, true);
        PacketBuffer a = pool.acquire();
        assertThat(a.data().isDirect()).isTrue();
        a.set(new byte[] {1, 2, 3});
        a.prepend(20);
        pool.release(a);
        PacketBuffer again = pool.acquire();
        assertThat(again).isSameAs(a);
        assertThat(again.length()).isZero();
        assertThat(again.start()).isEqualTo(PacketBuffer.DEFAULT_HEADROOM);
    }

    @Test
    void batchAcquireFillsAsFarAsAvailable() {
        PacketPool pool = new PacketPool(5, 1024, false);
        PacketBuffer[] out = new PacketBuffer[10];
        assertThat(pool.acquire(out, 2, 8)).isEqualTo(5);
        assertThat(out[0]).isNull();
        assertThat(out[2]).isNotNull();
        assertThat(out[6]).isNotNull();
        assertThat(out[7]).isNull();
        pool.release(out, 2, 5);
        assertThat(out[2]).isNull();
        assertThat(pool.available()).isEqualTo(5);
    }

    @Test
    void doubleReleaseIsRefused() {
        PacketPool pool = new PacketPool(2, 1024, false);
        PacketBuffer a = pool.acquire();
        pool.release(a);
        assertThatThrownBy(() -> {
            pool.release(a);
            pool.release(a);
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("released twice");
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> new PacketPool(0, 2048, false)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new PacketPool(4, 100, false)).hasMessageContaining("headroom");
    }
}
