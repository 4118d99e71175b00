package org.besteffort.drills.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTests {

    @Test
    void takesTheNearestRank() {
        var sample = DoubleStream.iterate(1, v -> v + 1).limit(100).boxed().toList();

        var percentiles = Percentiles.of(sample);

        assertThat(percentiles.count()).isEqualTo(100);
        assertThat(percentiles.p50()).isEqualTo(50);
        assertThat(percentiles.p95()).isEqualTo(95);
        assertThat(percentiles.p99()).isEqualTo(99);
        assertThat(percentiles.max()).isEqualTo(100);
    }

    @Test
    void describesAnEmptySampleAsZeros() {
        assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles(0, 0, 0, 0, 0));
    }

    @Test
    void doesNotDependOnTheOrderOfTheSample() {
        assertThat(Percentiles.of(List.of(3.0, 1.0, 2.0)).p50()).isEqualTo(2.0);
    }
}
