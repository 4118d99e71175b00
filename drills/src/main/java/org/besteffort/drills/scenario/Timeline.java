package org.besteffort.drills.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The clock of one scenario run: prints each step with the time elapsed since the run started.
 */
class Timeline {

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long start;

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    Timeline(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    /** Prints one step at the time elapsed now, and returns that time. */
    Duration step(String text) {
        return step(elapsed(), text);
    }

    /** Prints one step that happened at {@code at}, measured earlier (say, when a request was sent). */
    Duration step(Duration at, String text) {
        // The shutdown hook may tell a step while the main thread does: one line at a time.
        synchronized (out) {
            out.println(line(at, text));
        }
        return at;
    }

    /** {@code "  +  6.412 s  text"}: seconds with milliseconds, right-aligned so that the steps read as a column. */
    static String line(Duration at, String text) {
        return String.format(Locale.ROOT, "  +%7.3f s  %s", at.toNanos() / 1e9, text);
    }

    /** A duration as a trainee reads it: "0.4 ms", "48 ms", "6.4 s". */
    static String human(Duration duration) {
        double millis = duration.toNanos() / 1e6;
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%d ms", Math.round(millis));
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
}
