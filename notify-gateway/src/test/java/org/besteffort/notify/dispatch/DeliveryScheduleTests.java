package org.besteffort.notify.dispatch;

import org.besteffort.notify.receiver.AckRule;
import org.besteffort.notify.receiver.Receiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryScheduleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    /** The course's schedule: 1m 5m 10m 30m 1h 2h 5h 10h. */
    private static final Receiver COURSE = new Receiver("bank1", List.of("whsec_a2V5"), List.of("http://x/notify"),
            AckRule.SUCCESS_BODY, List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10)), Duration.ofDays(5));

    @Test
    void followsTheReceiversGapsWithoutJitter() {
        var schedule = new DeliverySchedule(0, new Random(1));

        assertThat(schedule.next(COURSE, 1, null, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(schedule.next(COURSE, 2, null, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(COURSE, 8, null, NOW)).contains(NOW.plus(Duration.ofHours(10)));
    }

    @Test
    void givesUpAfterOneAttemptMoreThanTheScheduleHasGaps() {
        var schedule = new DeliverySchedule(0, new Random(1));

        assertThat(COURSE.maxAttempts()).isEqualTo(9);
        assertThat(schedule.next(COURSE, 9, null, NOW)).isEmpty();
    }

    @Test
    void stretchesOrShrinksEachGapByAtMostTheJitter() {
        RandomGenerator lowest = () -> 0L; // nextDouble() == 0.0
        var shrunk = new DeliverySchedule(0.1, lowest);
        var stretched = new DeliverySchedule(0.1, fixedDouble(0.999_999));

        assertThat(shrunk.next(COURSE, 1, null, NOW)).contains(NOW.plusSeconds(54));
        assertThat(stretched.next(COURSE, 1, null, NOW)).hasValueSatisfying(
                at -> assertThat(Duration.between(NOW, at).toMillis()).isBetween(65_990L, 66_000L));
    }

    @Test
    void neverComesBackBeforeTheReceiversRetryAfter() {
        var schedule = new DeliverySchedule(0, new Random(1));

        assertThat(schedule.next(COURSE, 1, Duration.ofMinutes(3), NOW)).contains(NOW.plus(Duration.ofMinutes(3)));
        assertThat(schedule.next(COURSE, 1, Duration.ofSeconds(10), NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
    }

    private static RandomGenerator fixedDouble(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
