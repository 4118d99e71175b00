package org.besteffort.drills.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Latencies with the moment each pay was made, so that a reader sees whether a high percentile comes from the first
 * seconds (a cold path) or from all along.
 *
 * @param points one per pay
 */
record LatencySeries(List<Point> points) {

    LatencySeries {
        points = List.copyOf(points);
    }

    /** All of them. */
    Percentiles all() {
        return Percentiles.of(points.stream().map(Point::millis).toList());
    }

    /** The pays made {@code after} the first pay or later. */
    Percentiles from(Duration after) {
        return Percentiles.of(points.stream().filter(point -> point.sinceStartMillis() >= after.toMillis())
                .map(Point::millis).toList());
    }

    /** One set of percentiles per window of the phase, the first window starting with the first pay. */
    List<Percentiles> byWindow(Duration window) {
        if (points.isEmpty()) {
            return List.of();
        }
        long windowMillis = window.toMillis();
        int windows = (int) (points.stream().mapToDouble(Point::sinceStartMillis).max().orElseThrow() / windowMillis) + 1;
        List<List<Double>> grouped = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            grouped.add(new ArrayList<>());
        }
        points.forEach(point -> grouped.get((int) (point.sinceStartMillis() / windowMillis)).add(point.millis()));
        return grouped.stream().map(Percentiles::of).toList();
    }

    /**
     * @param sinceStartMillis when the pay was made, after the phase's first pay
     * @param millis           its latency
     */
    record Point(double sinceStartMillis, double millis) {
    }
}
