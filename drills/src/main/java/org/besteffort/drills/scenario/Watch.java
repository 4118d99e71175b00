package org.besteffort.drills.scenario;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a probe at a steady pace until the awaited value shows up, telling on the timeline each change it sees.
 */
class Watch {

    private final Timeline timeline;
    private final Duration every;
    private final Pause pause;

    Watch(Timeline timeline, Duration every) {
        this(timeline, every, Watch::sleep);
    }

    Watch(Timeline timeline, Duration every, Pause pause) {
        this.timeline = timeline;
        this.every = every;
        this.pause = pause;
    }

    /**
     * Polls until {@code done} holds, or until {@code timeout} has passed.
     *
     * @param told      the value the trainee has already been told about (say, the answer that started it), or null
     * @param narration turns two successive values into the lines that tell what changed
     */
    <T> Watched<T> until(T told, Supplier<T> probe, Narration<T> narration, Predicate<T> done, Duration timeout) {
        Duration deadline = timeline.elapsed().plus(timeout);
        T before = told;
        while (true) {
            T now = probe.get();
            Duration seenAt = timeline.elapsed();
            for (String change : narration.changes(before, now)) {
                timeline.step(seenAt, change);
            }
            if (done.test(now)) {
                return new Watched<>(now, true, seenAt);
            }
            if (seenAt.compareTo(deadline) >= 0) {
                return new Watched<>(now, false, seenAt);
            }
            pause.pause(every);
            before = now;
        }
    }

    private static void sleep(Duration duration) {
        try {
            // Polling is the point: the scenario measures what it sees, at this pace.
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while watching");
        }
    }

    /** Tells what changed between two successive polls. */
    @FunctionalInterface
    interface Narration<T> {

        /** @param before the previous value, null on the first poll when nothing was told yet */
        List<String> changes(T before, T now);
    }

    /** Waits between two polls. */
    @FunctionalInterface
    interface Pause {

        void pause(Duration duration);
    }
}
