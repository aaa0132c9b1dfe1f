package org.softwire.tun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operator learns what to do when a TUN device cannot be created (no root, name taken). */
class TunErrorMessageTest {
    @Test
    void missingPrivilegeSaysWhatToDo() {
        assertThat(TunDevice.whyNot(1, "aftr0", "Operation not permitted (errno 1)")).isEqualTo(
                "Operation not permitted (errno 1): creating a TUN device needs root or CAP_NET_ADMIN; start Karaf as"
                        + " root (e.g. sudo scripts/run.sh), or delete etc/org.softwire.tun-aftr0.cfg while Karaf runs (a"
                        + " feature that ships it creates it again only when it is installed anew)");
        assertThat(TunDevice.whyNot(16, "aftr0", "Device or resource busy (errno 16)"))
                .isEqualTo("an interface named aftr0 already exists");
        assertThat(TunDevice.whyNot(19, "x", "No such device (errno 19)")).isEqualTo("No such device (errno 19)");
    }
}
