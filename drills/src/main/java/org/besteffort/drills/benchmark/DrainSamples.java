package org.besteffort.drills.benchmark;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The gateway sampled once a second during a drain: how far the drain was and how much memory the gateway held, so
 * that a reader sees whether its memory grows with the backlog.
 *
 * @param samples in the order they were taken
 */
record DrainSamples(List<Sample> samples) {

    DrainSamples {
        samples = List.copyOf(samples);
    }

    Range rssMiB() {
        return range(Sample::rssMiB);
    }

    Range heapUsedMiB() {
        return range(Sample::heapUsedMiB);
    }

    /**
     * How the gateway's RSS moved with the tasks acknowledged: the least-squares slope of RSS over acknowledged tasks,
     * in MiB per 10,000 tasks. Near 0: its memory does not depend on how many tasks it has delivered. 0 when there is
     * no progress to relate it to.
     */
    double rssSlopeMiBPer10kTasks() {
        return rssSlope(samples);
    }

    /**
     * The same slope over the second half of the drain only (from half the last sample's acknowledged tasks on): the
     * first seconds include the JVM's own growth as the delivery path gets compiled and the heap sized.
     */
    double rssSlopeMiBPer10kTasksSecondHalf() {
        long half = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).acknowledged() / 2;
        return rssSlope(samples.stream().filter(sample -> sample.acknowledged() >= half).toList());
    }

    private static double rssSlope(List<Sample> samples) {
        double meanTasks = samples.stream().mapToDouble(Sample::acknowledged).average().orElse(0);
        double meanRss = samples.stream().mapToDouble(Sample::rssMiB).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            covariance += (sample.acknowledged() - meanTasks) * (sample.rssMiB() - meanRss);
            variance += (sample.acknowledged() - meanTasks) * (sample.acknowledged() - meanTasks);
        }
        return variance == 0 ? 0 : covariance / variance * 10_000;
    }

    private Range range(ToDoubleFunction<Sample> value) {
        if (samples.isEmpty()) {
            return new Range(0, 0, 0);
        }
        return new Range(value.applyAsDouble(samples.get(0)), samples.stream().mapToDouble(value).max().orElse(0),
                value.applyAsDouble(samples.get(samples.size() - 1)));
    }

    /**
     * One sample.
     *
     * @param elapsedMillis        since the backlog was made due
     * @param acknowledged         tasks SUCCEEDED by then
     * @param historyListLength    InnoDB's undo logs not yet purged (the whole server): old row versions every claim
     *                             may have to step over
     */
    record Sample(long elapsedMillis, long acknowledged, double rssMiB, double heapUsedMiB, long historyListLength) {
    }

    /** A value at the first sample, its largest, and at the last sample. */
    record Range(double start, double max, double end) {
    }
}
