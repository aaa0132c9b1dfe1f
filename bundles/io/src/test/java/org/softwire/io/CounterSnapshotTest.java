package org.softwire.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounterSnapshotTest {
    @Test
    void sumsQueuesAndListsEveryReasonByLabel() {
        QueueCounters q0 = new QueueCounters();
        QueueCounters q1 = new QueueCounters();
        q0.received(3, 300);
        q1.received(2, 50);
        q0.transmitted(1, 40);
        q1.drop(IoDropReason.TX_QUEUE_FULL, 5);
        q0.drop(IoDropReason.RX_TRUNCATED, 1);
        q0.received(0, 999); // zero packets counts nothing
        CounterSnapshot s = CounterSnapshot.of(q0, q1);
        assertThat(s.rxPackets()).isEqualTo(5);
        assertThat(s.rxBytes()).isEqualTo(350);
        assertThat(s.txPackets()).isEqualTo(1);
        assertThat(s.txBytes()).isEqualTo(40);
        assertThat(s.drops(IoDropReason.TX_QUEUE_FULL)).isEqualTo(5);
        assertThat(s.dropsTotal()).isEqualTo(6);
        assertThat(s.dropsByLabel()).containsEntry("tx-queue-full", 5L).containsEntry("rx-truncated", 1L)
                .containsEntry("tx-down", 0L).hasSize(IoDropReason.count());
        assertThat(s).isEqualTo(CounterSnapshot.of(q0, q1));
    }
}
