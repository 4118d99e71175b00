package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WatchTests {

    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Timeline timeline = new Timeline(new PrintStream(printed, true, StandardCharsets.UTF_8), nanos::get);
    // The pause moves the fake clock instead of sleeping, so that a poll every 100 ms takes no time at all.
    private final Watch watch = new Watch(timeline, Duration.ofMillis(100), pause -> nanos.addAndGet(pause.toNanos()));

    @Test
    void tellsOnlyTheChangesItSeesAndStopsAtTheAwaitedValue() {
        Iterator<String> polls = List.of("PENDING", "PENDING", "PENDING", "SETTLED", "SETTLED").iterator();

        Watched<String> watched = watch.until("PENDING", polls::next, WatchTests::changes, "SETTLED"::equals,
                Duration.ofSeconds(10));

        assertThat(watched.done()).isTrue();
        assertThat(watched.last()).isEqualTo("SETTLED");
        assertThat(watched.at()).isEqualTo(Duration.ofMillis(300));
        assertThat(printed()).containsExactly("  +  0.300 s  PENDING -> SETTLED");
    }

    @Test
    void tellsTheFirstValueWhenNothingWasToldBefore() {
        Iterator<String> polls = List.of("404", "SETTLED").iterator();

        watch.until(null, polls::next, WatchTests::changes, "SETTLED"::equals, Duration.ofSeconds(10));

        assertThat(printed()).containsExactly("  +  0.000 s  first seen: 404", "  +  0.100 s  404 -> SETTLED");
    }

    @Test
    void givesUpAtTheTimeoutWithTheLastValueItSaw() {
        Watched<String> watched = watch.until("PENDING", () -> "PENDING", WatchTests::changes, "SETTLED"::equals,
                Duration.ofSeconds(1));

        assertThat(watched.done()).isFalse();
        assertThat(watched.last()).isEqualTo("PENDING");
        assertThat(watched.at()).isEqualTo(Duration.ofSeconds(1));
        assertThat(printed()).isEmpty();
    }

    private static List<String> changes(String before, String now) {
        if (before == null) {
            return List.of("first seen: " + now);
        }
        return before.equals(now) ? List.of() : List.of(before + " -> " + now);
    }

    private List<String> printed() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
