package org.besteffort.drills.benchmark;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySeriesTests {

    @Test
    void givesEachWindowOfThePhaseItsOwnPercentiles() {
        var series = new LatencySeries(List.of(point(0, 900), point(4_999, 700), point(5_000, 10), point(9_000, 20),
                point(12_000, 30)));

        var windows = series.byWindow(Duration.ofSeconds(5));

        assertThat(windows).extracting(Percentiles::max).containsExactly(900.0, 20.0, 30.0);
        assertThat(windows).extracting(Percentiles::count).containsExactly(2, 2, 1);
        assertThat(series.all().max()).isEqualTo(900);
    }

    @Test
    void leavesOutTheFirstSecondsOnRequest() {
        var series = new LatencySeries(List.of(point(0, 900), point(4_999, 700), point(5_000, 10), point(9_000, 20)));

        var warm = series.from(Duration.ofSeconds(5));

        assertThat(warm.count()).isEqualTo(2);
        assertThat(warm.max()).isEqualTo(20);
    }

    @Test
    void showsAQuietWindowAsZeros() {
        var series = new LatencySeries(List.of(point(0, 5), point(11_000, 6)));

        assertThat(series.byWindow(Duration.ofSeconds(5))).extracting(Percentiles::count).containsExactly(1, 0, 1);
    }

    @Test
    void hasNoWindowWithoutPays() {
        assertThat(new LatencySeries(List.of()).byWindow(Duration.ofSeconds(5))).isEmpty();
    }

    private static LatencySeries.Point point(double sinceStartMillis, double millis) {
        return new LatencySeries.Point(sinceStartMillis, millis);
    }
}
