package org.besteffort.drills.benchmark;

import java.util.List;

/**
 * Nearest-rank percentiles of a sample, in milliseconds.
 */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    public static Percentiles of(List<Double> sample) {
        if (sample.isEmpty()) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        List<Double> sorted = sample.stream().sorted().toList();
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private static double rank(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
