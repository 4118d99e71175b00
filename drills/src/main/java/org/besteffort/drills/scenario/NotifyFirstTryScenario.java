package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Scheme 2: the notify gateway's first POST to the receiver's notify URL settles a recharge, and the message that
 * comes later changes nothing.
 */
class NotifyFirstTryScenario extends Scenario {

    private static final BigDecimal AMOUNT = new BigDecimal("15.00");
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // The broker redelivers a failed message after 10 s (its third delay level); a margin for a busy laptop.
    private static final Duration REDELIVERY_TIMEOUT = Duration.ofSeconds(40);

    NotifyFirstTryScenario() {
        super("notify-first-try",
                "scheme 2: notified on the first try",
                "account-service fails the next message delivery on purpose, so that the message cannot settle "
                + "first. The recharge names bank1's notify URL: the notify gateway takes the pay from the topic, "
                + "keeps a task and POSTs it, signed; the notify URL verifies it and credits it on attempt 1. The "
                + "broker's redelivery of the message, about 10 s later, finds it already applied.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults, NotifierFaults.Change.OFF,
                    ReceiverFaults.Change.OFF.withFailNextDeliveries(1));
            long redeliveredBefore = stack.account().applied(RechargeView.SettledBy.MESSAGE, "ALREADY_APPLIED");

            Duration sent = timeline.elapsed();
            RechargeView started = stack.account().startRecharge(ACCOUNT_NO, AMOUNT);
            timeline.step("POST /recharges " + AMOUNT + " -> 202 " + started.status() + ", txNo " + started.txNo()
                    + " (named receiver " + RECEIVER_ID + " and its notify URL)");

            NotifyNarration narration = new NotifyNarration();
            Watched<NotifyNarration.Sight> watched = new Watch(timeline, POLL_EVERY).until(null,
                    () -> new NotifyNarration.Sight(stack.gateway().detailOf(started.txNo(), RECEIVER_ID),
                            stack.account().recharge(started.txNo())),
                    narration, sight -> sight.settled() && sight.taskIs(NotifyTaskView.Status.SUCCEEDED), TIMEOUT);
            Duration took = watched.at().minus(sent);
            RechargeView recharge = watched.last().recharge().orElseThrow();
            if (!watched.done()) {
                return Verdict.unexpected(recharge.outcome() + " and the gateway task "
                        + watched.last().task().map(task -> String.valueOf(task.task().status())).orElse("missing")
                        + " " + Timeline.human(took) + " after the request");
            }
            int failNextLeft = stack.account().faults().failNextDeliveries();
            timeline.step(failNextLeft == 0
                    ? "the message's first delivery had failed (failNextDeliveries 1 -> 0): the broker redelivers it "
                    + "in about 10 s"
                    : "the message has not been delivered yet (failNextDeliveries still " + failNextLeft + ")");
            AccountView settled = stack.account().account(ACCOUNT_NO);
            timeline.step(settled.balanceLine(before));
            timeline.step("account-service's own timestamps: recorded -> settled in "
                    + Timeline.human(recharge.recordedToUpdated()));

            Duration settledAt = watched.at();
            Watched<Long> redelivered = new Watch(timeline, POLL_EVERY).until(redeliveredBefore,
                    () -> stack.account().applied(RechargeView.SettledBy.MESSAGE, "ALREADY_APPLIED"),
                    (was, now) -> now > was ? List.of("the broker's redelivery of the message: ALREADY_APPLIED, "
                            + "nothing changed (notify.applied{path=MESSAGE,outcome=ALREADY_APPLIED} " + was + " -> "
                            + now + ")") : List.of(),
                    count -> count > redeliveredBefore, REDELIVERY_TIMEOUT);
            AccountView after = stack.account().account(ACCOUNT_NO);
            timeline.step(after.balanceLine(before));

            List<NotifyAttemptView> attempts = narration.attempts();
            String figures = Timeline.human(took) + " after the request (account-service's clock: "
                    + Timeline.human(recharge.recordedToUpdated()) + ")"
                    + (attempts.isEmpty() ? "" : "; the gateway's attempt: " + attempts.get(0).describe());
            boolean onceAsTold = recharge.settledBy(RechargeView.SettledBy.NOTIFY)
                    && Integer.valueOf(1).equals(recharge.settledAttempt()) && attempts.size() == 1
                    && attempts.get(0).acknowledged() && after.movedSince(before).compareTo(AMOUNT) == 0;
            if (onceAsTold && redelivered.done()) {
                return Verdict.expected("SETTLED by " + recharge.path() + ", seen " + figures + "; the redelivered "
                        + "message found it ALREADY_APPLIED " + Timeline.human(redelivered.at().minus(settledAt))
                        + " later; balance +" + after.movedSince(before).toPlainString() + ", once.");
            }
            if (onceAsTold) {
                return Verdict.unexpected("SETTLED by " + recharge.path() + ", seen " + figures + ", but no "
                        + "redelivery of the message was seen within " + Timeline.human(REDELIVERY_TIMEOUT) + ".");
            }
            return Verdict.unexpected(recharge.outcome() + " with " + attempts.size() + " gateway attempts and the "
                    + "balance moved " + after.movedSince(before).toPlainString() + ", instead of SETTLED by NOTIFY on "
                    + "attempt 1 and +" + AMOUNT + ", seen " + figures + ".");
        }
    }
}
