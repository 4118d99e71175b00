package org.besteffort.drills.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryRateTests {

    @Test
    void countsASecondWithoutAcknowledgementsAsZero() {
        var rate = DeliveryRate.of(Map.of(0L, 300L, 2L, 500L, 3L, 40L));

        assertThat(rate.perSecond()).containsExactly(300L, 0L, 500L, 40L);
    }

    @Test
    void leavesOutTheLastSecondWhichTheDrainEndedDuring() {
        var rate = DeliveryRate.of(Map.of(0L, 300L, 1L, 600L, 2L, 500L, 3L, 40L));

        assertThat(rate.min()).isEqualTo(300);
        assertThat(rate.median()).isEqualTo(500);
        assertThat(rate.max()).isEqualTo(600);
    }

    @Test
    void describesADrainShorterThanASecondAsZeros() {
        var rate = DeliveryRate.of(Map.of(0L, 70L));

        assertThat(rate.wholeSeconds()).isEmpty();
        assertThat(rate.min()).isZero();
        assertThat(rate.median()).isZero();
        assertThat(rate.max()).isZero();
    }
}
