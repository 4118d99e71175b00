package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTests {

    @Test
    void printsEachStepWithTheTimeElapsedSinceItStarted() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Timeline timeline = new Timeline(new PrintStream(printed, true, StandardCharsets.UTF_8), nanos::get);

        nanos.addAndGet(47_300_000L);
        Duration first = timeline.step("POST /recharges 10.00 -> 202 PENDING");
        nanos.addAndGet(6_365_000_000L);
        timeline.step("SETTLED by RECONCILIATION on query 1");

        assertThat(first).isEqualTo(Duration.ofNanos(47_300_000L));
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "  +  0.047 s  POST /recharges 10.00 -> 202 PENDING",
                "  +  6.412 s  SETTLED by RECONCILIATION on query 1");
    }

    @Test
    void keepsTheColumnForScenariosThatRunMinutes() {
        assertThat(Timeline.line(Duration.ofMillis(125_250), "delivery 3"))
                .isEqualTo("  +125.250 s  delivery 3");
    }

    @Test
    void tellsDurationsInTheUnitATraineeReads() {
        assertThat(Timeline.human(Duration.ofNanos(420_000))).isEqualTo("0.4 ms");
        assertThat(Timeline.human(Duration.ofNanos(9_940_000))).isEqualTo("9.9 ms");
        assertThat(Timeline.human(Duration.ofMillis(48))).isEqualTo("48 ms");
        assertThat(Timeline.human(Duration.ofMillis(999))).isEqualTo("999 ms");
        assertThat(Timeline.human(Duration.ofMillis(6_412))).isEqualTo("6.4 s");
        assertThat(Timeline.human(Duration.ofMillis(40_360))).isEqualTo("40.4 s");
    }
}
