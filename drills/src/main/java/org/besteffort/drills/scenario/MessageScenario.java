package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Course scenario (b): a recharge settled by its message, on the first delivery.
 */
class MessageScenario extends Scenario {

    private static final BigDecimal AMOUNT = new BigDecimal("10.00");
    private static final Duration POLL_EVERY = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    MessageScenario() {
        super("message",
                "course scenario (b): the message settles the recharge",
                "account-service starts a recharge, pay-service pays it and, once its transaction has committed, "
                + "announces the result on RocketMQ. Watch the receiver apply that message on its first delivery, "
                + "without ever having to ask.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults, NotifierFaults.Change.OFF, ReceiverFaults.Change.OFF);

            Duration sent = timeline.elapsed();
            RechargeView started = stack.account().startRecharge(ACCOUNT_NO, AMOUNT);
            timeline.step("POST /recharges " + AMOUNT + " -> 202 " + started.status() + ", txNo " + started.txNo());

            Watched<RechargeView> watched = new Watch(timeline, POLL_EVERY).until(started,
                    () -> stack.account().knownRecharge(started.txNo()), RechargeNarration::changes,
                    recharge -> !recharge.pending(), TIMEOUT);
            RechargeView recharge = watched.last();
            Duration took = watched.at().minus(sent);
            if (!watched.done()) {
                return Verdict.unexpected("still " + recharge.status() + " " + Timeline.human(took)
                        + " after the request; no message settled it");
            }
            timeline.step(stack.account().account(ACCOUNT_NO).balanceLine(before));
            timeline.step("account-service's own timestamps: recorded -> settled in "
                    + Timeline.human(recharge.recordedToUpdated()));

            String figures = Timeline.human(took) + " after the request (account-service's clock: "
                    + Timeline.human(recharge.recordedToUpdated()) + "), " + recharge.queries();
            if (recharge.settledBy(RechargeView.SettledBy.MESSAGE) && Integer.valueOf(1).equals(
                    recharge.settledAttempt())) {
                return Verdict.expected("SETTLED by MESSAGE on delivery 1, seen " + figures + ".");
            }
            return Verdict.unexpected(recharge.outcome() + " instead of SETTLED by MESSAGE on delivery 1, seen "
                    + figures + ".");
        }
    }
}
