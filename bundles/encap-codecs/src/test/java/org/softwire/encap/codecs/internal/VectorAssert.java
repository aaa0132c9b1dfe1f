package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.softwire.encap.CodecContext;

/** Byte-exact comparison helpers for outer headers whose IPv4 identification comes from the context. */
final class VectorAssert {
    private VectorAssert() {
    }

    /** The identification the next outer IPv4 header built with {@code ctx} will carry (consumes one value). */
    static int nextId(CodecContext ctx) {
        return (ctx.nextIpv4Id() + 1) & 0xFFFF;
    }

    /**
     * Asserts {@code actual} equals {@code expectedHex} after putting {@code id} into the expected outer IPv4
     * header and computing its checksum independently; also checks the actual checksum verifies from scratch.
     */
    static void assertIpv4Outer(byte[] actual, String expectedHex, int id) {
        byte[] expected = TestPackets.hex(expectedHex);
        TestPackets.put16(expected, 4, id);
        TestPackets.fixIpv4Checksum(expected, 0);
        assertThat(TestPackets.hex(actual)).isEqualTo(TestPackets.hex(expected));
        assertThat(TestPackets.ipv4ChecksumOk(actual, 0)).isTrue();
    }
}
