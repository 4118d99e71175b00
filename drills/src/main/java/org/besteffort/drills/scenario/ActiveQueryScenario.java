package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Course scenario (a): the notification is lost, and the receiver's reconciliation job asks for the result.
 */
class ActiveQueryScenario extends Scenario {

    private static final BigDecimal AMOUNT = new BigDecimal("20.00");
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    ActiveQueryScenario() {
        super("active-query",
                "course scenario (a): a lost message, found by asking",
                "pay-service pays the recharge, but its message is thrown away on purpose. The recharge waits out "
                + "its grace period; then account-service's reconciliation job asks pay-service /payresult and "
                + "settles it itself.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults,
                    NotifierFaults.Change.OFF.withDropNextNotifications(1), ReceiverFaults.Change.OFF);

            Duration sent = timeline.elapsed();
            RechargeView started = stack.account().startRecharge(ACCOUNT_NO, AMOUNT);
            timeline.step("POST /recharges " + AMOUNT + " -> 202 " + started.status() + ", txNo " + started.txNo());
            timeline.step(stack.pay().faults().dropOfLastPay());

            Watched<RechargeView> watched = new Watch(timeline, POLL_EVERY).until(started,
                    () -> stack.account().knownRecharge(started.txNo()), RechargeNarration::changes,
                    recharge -> !recharge.pending(), TIMEOUT);
            RechargeView recharge = watched.last();
            Duration took = watched.at().minus(sent);
            if (!watched.done()) {
                return Verdict.unexpected("still " + recharge.status() + " " + Timeline.human(took)
                        + " after the request, after " + recharge.queries());
            }
            timeline.step(stack.account().account(ACCOUNT_NO).balanceLine(before));
            timeline.step("account-service's own timestamps: recorded -> settled in "
                    + Timeline.human(recharge.recordedToUpdated()));

            String figures = Timeline.human(took) + " after the request (account-service's clock: "
                    + Timeline.human(recharge.recordedToUpdated()) + "), " + recharge.queries();
            if (recharge.settledBy(RechargeView.SettledBy.RECONCILIATION)) {
                return Verdict.expected("SETTLED by " + recharge.path() + " with no message, seen " + figures + ".");
            }
            if (recharge.settledBy(RechargeView.SettledBy.STATEMENT)) {
                return Verdict.unexpected("SETTLED by STATEMENT, seen " + figures + ": the statement job read the "
                        + "pay in pay-service's statement before the reconciliation job asked about it.");
            }
            return Verdict.unexpected(recharge.outcome() + " instead of SETTLED by RECONCILIATION, seen " + figures
                    + ".");
        }
    }
}
