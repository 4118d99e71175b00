package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheme 2, break it: the receiver's notify URL is down for its first three notifies; the gateway tries again after
 * each gap of the receiver's schedule, and the fourth attempt credits the pay, once.
 */
class ReceiverDownScenario extends Scenario {

    /** bank1's schedule in the local profile, the first gaps of 2s, 5s, 10s, 30s, 1m; each ± 10 %. */
    static final List<Duration> LOCAL_SCHEDULE = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1));

    private static final BigDecimal AMOUNT = new BigDecimal("35.00");
    private static final int DOWN_FOR = 3;
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    // 2 + 5 + 10 s of gaps, +10 %, and the gateway's half-second look for due tasks: well inside a minute, before the
    // statement job (a pay shows in it a minute after it was made) could settle the pay instead.
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    ReceiverDownScenario() {
        super("receiver-down",
                "scheme 2: the receiver down, then up: the gaps grow",
                "A pay made directly at pay-service names bank1's notify URL. account-service answers its first three "
                + "notifies with 503, as a receiver that is down would, and fails every message delivery, so that "
                + "only the notify can settle the pay. The gateway tries again after 2 s, 5 s and 10 s (its local "
                + "schedule, each gap ± 10 %); the fourth attempt is acknowledged and credits the pay, once.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults, NotifierFaults.Change.OFF,
                    ReceiverFaults.Change.OFF.withFailFraction(1.0).withFailNextNotifies(DOWN_FOR));

            Duration sent = timeline.elapsed();
            PaymentView paid = payForBank1(stack, timeline, AMOUNT, "notify-down-");

            NotifyNarration narration = new NotifyNarration();
            Watched<NotifyNarration.Sight> watched = new Watch(timeline, POLL_EVERY).until(null,
                    () -> new NotifyNarration.Sight(stack.gateway().detailOf(paid.txNo(), RECEIVER_ID),
                            stack.account().recharge(paid.txNo())),
                    narration, sight -> sight.settled() && !sight.taskIs(NotifyTaskView.Status.PENDING), TIMEOUT);
            Duration took = watched.at().minus(sent);
            if (!watched.done()) {
                return Verdict.unexpected("the pay was not settled, or its gateway task not finished, "
                        + Timeline.human(took) + " after it was made; " + narration.attempts().size()
                        + " attempts seen");
            }
            RechargeView recharge = watched.last().recharge().orElseThrow();
            AccountView after = stack.account().account(ACCOUNT_NO);
            timeline.step(after.balanceLine(before));

            List<NotifyAttemptView> attempts = narration.attempts();
            List<Duration> gaps = narration.gaps();
            List<String> gapLines = new ArrayList<>();
            boolean gapsAsScheduled = gaps.size() == DOWN_FOR;
            for (int i = 0; i < gaps.size(); i++) {
                Duration planned = i < LOCAL_SCHEDULE.size() ? LOCAL_SCHEDULE.get(i) : Duration.ZERO;
                gapLines.add(Timeline.human(gaps.get(i)) + " (" + Timeline.human(planned) + " ± 10 %)");
                gapsAsScheduled &= asScheduled(gaps.get(i), planned);
            }
            timeline.step("gaps between the gateway's attempts: " + String.join(", ", gapLines));

            boolean downThenUp = attempts.size() == DOWN_FOR + 1
                    && attempts.subList(0, DOWN_FOR).stream().allMatch(a -> Integer.valueOf(503).equals(a.httpStatus()))
                    && attempts.get(DOWN_FOR).acknowledged();
            boolean creditedOnce = recharge.settledBy(RechargeView.SettledBy.NOTIFY)
                    && Integer.valueOf(DOWN_FOR + 1).equals(recharge.settledAttempt())
                    && after.movedSince(before).compareTo(AMOUNT) == 0;
            String figures = attempts.size() + " attempts, gaps " + String.join(", ", gapLines) + "; settled "
                    + Timeline.human(took) + " after the pay";
            if (downThenUp && creditedOnce && gapsAsScheduled) {
                return Verdict.expected("SETTLED by " + recharge.path() + " after 3 answers of 503: " + figures
                        + "; balance +" + after.movedSince(before).toPlainString() + ", once.");
            }
            return Verdict.unexpected(recharge.outcome() + ", balance moved " + after.movedSince(before)
                    .toPlainString() + ": " + figures + " (expected 4 attempts, the first three 503, gaps of about "
                    + "2 s, 5 s and 10 s, SETTLED by NOTIFY on attempt 4, +" + AMOUNT + " once).");
        }
    }

    /**
     * Within the schedule's ± 10 % jitter, plus up to a second: the gateway looks for due tasks every half second
     * locally, and the gap also holds the failed attempt's own answer time.
     */
    static boolean asScheduled(Duration gap, Duration planned) {
        long millis = gap.toMillis();
        return millis >= planned.toMillis() * 0.9 - 50 && millis <= planned.toMillis() * 1.1 + 1_000;
    }
}
