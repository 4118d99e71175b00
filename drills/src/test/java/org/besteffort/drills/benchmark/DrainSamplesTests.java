package org.besteffort.drills.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DrainSamplesTests {

    @Test
    void findsTheRssSlopePerTenThousandTasks() {
        // 2 MiB more for every 5,000 tasks acknowledged: 4 MiB per 10,000.
        var samples = new DrainSamples(List.of(sample(0, 300), sample(5_000, 302), sample(10_000, 304),
                sample(15_000, 306)));

        assertThat(samples.rssSlopeMiBPer10kTasks()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void seesNoGrowthInMemoryThatOnlyWobbles() {
        var samples = new DrainSamples(List.of(sample(0, 300), sample(5_000, 310), sample(10_000, 300),
                sample(15_000, 310), sample(20_000, 300)));

        assertThat(samples.rssSlopeMiBPer10kTasks()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void leavesTheWarmUpOutOfTheSecondHalfsSlope() {
        // 20 MiB in the first seconds (compiling, sizing the heap), flat afterwards.
        var samples = new DrainSamples(List.of(sample(0, 250), sample(2_000, 270), sample(10_000, 270),
                sample(15_000, 270), sample(20_000, 270)));

        assertThat(samples.rssSlopeMiBPer10kTasks()).isGreaterThan(0);
        assertThat(samples.rssSlopeMiBPer10kTasksSecondHalf()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void hasNoSlopeWithoutProgress() {
        var samples = new DrainSamples(List.of(sample(0, 300), sample(0, 320)));

        assertThat(samples.rssSlopeMiBPer10kTasks()).isZero();
    }

    @Test
    void reportsStartMaximumAndEnd() {
        var samples = new DrainSamples(List.of(sample(0, 300), sample(5_000, 340), sample(10_000, 320)));

        assertThat(samples.rssMiB()).isEqualTo(new DrainSamples.Range(300, 340, 320));
    }

    private static DrainSamples.Sample sample(long acknowledged, double rssMiB) {
        return new DrainSamples.Sample(acknowledged / 100, acknowledged, rssMiB, 100, 0);
    }
}
