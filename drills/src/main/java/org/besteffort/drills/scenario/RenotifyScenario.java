package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Scheme 2: every attempt of the schedule fails, the gateway gives up (FAILED), and an operator re-notifies the pay
 * once the receiver is back: delivered, and credited once.
 */
class RenotifyScenario extends Scenario {

    private static final BigDecimal AMOUNT = new BigDecimal("45.00");
    /** Attempt 1 and one after each gap of the local schedule. */
    private static final int ATTEMPTS = ReceiverDownScenario.LOCAL_SCHEDULE.size() + 1;
    private static final Duration POLL_EVERY = Duration.ofMillis(200);
    // 2 + 5 + 10 + 30 + 60 s of gaps is 107 s; + 10 % jitter and the gateway's half-second looks.
    private static final Duration EXHAUSTED_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration DELIVERED_TIMEOUT = Duration.ofSeconds(20);

    RenotifyScenario() {
        super("renotify",
                "scheme 2: exhausted, then re-notified by the operator (about 2 minutes)",
                "A pay made directly at pay-service names bank1's notify URL, and account-service answers the next "
                + "six notifies with 503 (and fails every message delivery). The gateway tries six times over the "
                + "local schedule's gaps (2 s, 5 s, 10 s, 30 s, 1 m: this takes about two minutes), then gives up: "
                + "the task is FAILED, and kept. Meanwhile account-service's statement job, its own safety net, "
                + "finds the pay a minute after it was made. Then the operator re-notifies the task "
                + "(POST /operator/tasks/{id}/renotify): attempts reset, delivered at once, acknowledged, and the pay "
                + "is credited once in all.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults, NotifierFaults.Change.OFF,
                    ReceiverFaults.Change.OFF.withFailFraction(1.0).withFailNextNotifies(ATTEMPTS));

            Duration sent = timeline.elapsed();
            PaymentView paid = payForBank1(stack, timeline, AMOUNT, "renotify-");

            NotifyNarration narration = new NotifyNarration();
            Watch watch = new Watch(timeline, POLL_EVERY);
            Watched<NotifyNarration.Sight> exhausted = watch.until(null, () -> sight(stack, paid.txNo()),
                    narration, sight -> !sight.taskIs(NotifyTaskView.Status.PENDING) && sight.task().isPresent(),
                    EXHAUSTED_TIMEOUT);
            if (!exhausted.done() || !exhausted.last().taskIs(NotifyTaskView.Status.FAILED)) {
                return Verdict.unexpected("the gateway task was "
                        + exhausted.last().task().map(task -> String.valueOf(task.task().status())).orElse("missing")
                        + ", not FAILED, " + Timeline.human(exhausted.at().minus(sent)) + " after the pay, after "
                        + narration.attempts().size() + " attempts");
            }
            Duration gaveUpAfter = exhausted.at().minus(sent);
            List<NotifyAttemptView> failed = narration.attempts();
            timeline.step("gaps between the gateway's attempts: " + String.join(", ",
                    narration.gaps().stream().map(Timeline::human).toList()));

            long taskId = exhausted.last().task().orElseThrow().task().id();
            NotifyTaskView reset = stack.gateway().renotify(taskId);
            timeline.step("the operator: POST /operator/tasks/" + taskId + "/renotify -> 200, task " + reset.status()
                    + ", attempts " + reset.attempts());

            Watched<NotifyNarration.Sight> delivered = watch.until(exhausted.last(),
                    () -> sight(stack, paid.txNo()), narration,
                    sight -> sight.taskIs(NotifyTaskView.Status.SUCCEEDED) && sight.settled(), DELIVERED_TIMEOUT);
            Duration renotified = delivered.at().minus(exhausted.at());
            RechargeView recharge = delivered.last().recharge().orElse(null);
            AccountView after = stack.account().account(ACCOUNT_NO);
            timeline.step(after.balanceLine(before));

            List<NotifyAttemptView> attempts = narration.attempts();
            boolean exhaustedAsTold = failed.size() == ATTEMPTS
                    && failed.stream().allMatch(attempt -> Integer.valueOf(503).equals(attempt.httpStatus()));
            boolean deliveredOnce = delivered.done() && attempts.size() == ATTEMPTS + 1
                    && attempts.get(ATTEMPTS).acknowledged() && after.movedSince(before).compareTo(AMOUNT) == 0;
            String credit = recharge == null ? "not settled" : recharge.settledBy(RechargeView.SettledBy.NOTIFY)
                    ? "credited by the re-notification (" + recharge.path() + ")"
                    : "credited by " + recharge.path() + " before the operator acted; the re-notification found it "
                    + "already applied";
            if (exhaustedAsTold && deliveredOnce) {
                return Verdict.expected("FAILED after " + ATTEMPTS + " answers of 503, seen "
                        + Timeline.human(gaveUpAfter) + " after the pay; re-notified by the operator and acknowledged "
                        + Timeline.human(renotified) + " later (" + attempts.get(ATTEMPTS).describe() + "); "
                        + credit + "; balance +" + after.movedSince(before).toPlainString() + ", once.");
            }
            return Verdict.unexpected(failed.size() + " failed attempts before the task was FAILED, then "
                    + (attempts.size() - failed.size()) + " after the re-notification; " + credit + "; balance moved "
                    + after.movedSince(before).toPlainString() + " (expected " + ATTEMPTS + " answers of 503, FAILED, "
                    + "one acknowledged attempt after the reset, +" + AMOUNT + " once).");
        }
    }

    private static NotifyNarration.Sight sight(Stack stack, String txNo) {
        return new NotifyNarration.Sight(stack.gateway().detailOf(txNo, RECEIVER_ID), stack.account().recharge(txNo));
    }
}
