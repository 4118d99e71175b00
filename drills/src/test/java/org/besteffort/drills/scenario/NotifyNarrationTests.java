package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.besteffort.drills.scenario.NotifyAttemptView.Outcome.ACKED;
import static org.besteffort.drills.scenario.NotifyAttemptView.Outcome.THROTTLED;
import static org.besteffort.drills.scenario.NotifyTaskView.Status.FAILED;
import static org.besteffort.drills.scenario.NotifyTaskView.Status.PENDING;
import static org.besteffort.drills.scenario.NotifyTaskView.Status.SUCCEEDED;
import static org.besteffort.drills.scenario.RechargeFixtures.settled;
import static org.besteffort.drills.scenario.RechargeView.Origin.ANNOUNCED;
import static org.besteffort.drills.scenario.RechargeView.SettledBy.NOTIFY;

class NotifyNarrationTests {

    private static final Instant T0 = Instant.parse("2026-11-21T06:30:00Z");

    private final NotifyNarration narration = new NotifyNarration();

    @Test
    void tellsEachAttemptWithTheGapSinceTheOneBeforeAndTheWaitItPlansNext() {
        var none = new NotifyNarration.Sight(Optional.empty(), Optional.empty());
        var down = sight(PENDING, 1, T0.plusMillis(2_004), List.of(down(1, 0)));
        var again = sight(PENDING, 2, T0.plusMillis(7_310), List.of(down(1, 0), down(2, 2_120)));
        var up = new NotifyNarration.Sight(Optional.of(detail(SUCCEEDED, 3, null,
                List.of(down(1, 0), down(2, 2_120), acked(3, 7_600)))), Optional.of(settled(NOTIFY, 3, ANNOUNCED, 0)));

        assertThat(narration.changes(null, none)).containsExactly("the gateway has no task for this pay yet",
                "GET /recharges/{txNo}: 404, account-service has not heard of this pay");
        assertThat(narration.changes(none, down)).containsExactly(
                "gateway task 7 kept for bank1 (webhook-id pay_tx-1), to POST to http://127.0.0.1:8082/notify/pay-result",
                "attempt 1 (gateway's clock): 503 THROTTLED in 4 ms: \"down (fault switch)\"; next attempt planned "
                        + "2.0 s later");
        assertThat(narration.changes(down, down)).isEmpty();
        assertThat(narration.changes(down, again)).containsExactly("attempt 2, 2.1 s after the one before (gateway's "
                + "clock): 503 THROTTLED in 4 ms: \"down (fault switch)\"; next attempt planned 5.2 s later");
        assertThat(narration.changes(again, up)).containsExactly(
                "attempt 3, 5.5 s after the one before (gateway's clock): 200 ACKED in 12 ms: \"success\"",
                "gateway task SUCCEEDED: acknowledged on attempt 3",
                "SETTLED by NOTIFY on attempt 3 (origin ANNOUNCED)");
        assertThat(narration.gaps()).containsExactly(Duration.ofMillis(2_120), Duration.ofMillis(5_480));
    }

    @Test
    void tellsAnExhaustedTaskAndItsResetByTheOperator() {
        List<NotifyAttemptView> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(down(i, i * 1_000L));
        }
        var failed = sight(FAILED, 6, null, six);
        var reset = sight(PENDING, 0, T0.plusSeconds(10), six);

        assertThat(narration.changes(null, failed)).contains("gateway task FAILED after 6 attempts: the schedule is exhausted; kept for an operator");
        var acked = sight(SUCCEEDED, 1, null, append(six, acked(1, 10_140)));

        assertThat(narration.changes(failed, reset)).containsExactly("gateway task PENDING again, attempts 0");
        assertThat(narration.changes(reset, acked)).containsExactly(
                "attempt 1, the first since the reset, 4.1 s after attempt 6 (gateway's clock): 200 ACKED in 12 ms: "
                        + "\"success\"",
                "gateway task SUCCEEDED: acknowledged on attempt 1");
        assertThat(narration.attempts()).hasSize(7);
    }

    @Test
    void judgesAGapAgainstTheScheduleWithItsJitterAndTheGatewaysLook() {
        assertThat(ReceiverDownScenario.asScheduled(Duration.ofMillis(1_800), Duration.ofSeconds(2))).isTrue();
        assertThat(ReceiverDownScenario.asScheduled(Duration.ofMillis(3_150), Duration.ofSeconds(2))).isTrue();
        assertThat(ReceiverDownScenario.asScheduled(Duration.ofMillis(1_500), Duration.ofSeconds(2))).isFalse();
        assertThat(ReceiverDownScenario.asScheduled(Duration.ofMillis(12_500), Duration.ofSeconds(10))).isFalse();
    }

    private static NotifyNarration.Sight sight(NotifyTaskView.Status status, int attempts, Instant next,
                                               List<NotifyAttemptView> made) {
        return new NotifyNarration.Sight(Optional.of(detail(status, attempts, next, made)), Optional.empty());
    }

    private static NotifyTaskDetailView detail(NotifyTaskView.Status status, int attempts, Instant next,
                                               List<NotifyAttemptView> made) {
        return new NotifyTaskDetailView(new NotifyTaskView(7, "tx-1", "bank1", "pay_tx-1", status, attempts, next,
                null, T0, null), "http://127.0.0.1:8082/notify/pay-result", made);
    }

    private static List<NotifyAttemptView> append(List<NotifyAttemptView> made, NotifyAttemptView next) {
        List<NotifyAttemptView> all = new ArrayList<>(made);
        all.add(next);
        return all;
    }

    private static NotifyAttemptView down(int attemptNo, long startedMillis) {
        return new NotifyAttemptView(attemptNo, T0.plusMillis(startedMillis), 4, 503, THROTTLED, "down (fault switch)",
                "503");
    }

    private static NotifyAttemptView acked(int attemptNo, long startedMillis) {
        return new NotifyAttemptView(attemptNo, T0.plusMillis(startedMillis), 12, 200, ACKED, "success", null);
    }
}
