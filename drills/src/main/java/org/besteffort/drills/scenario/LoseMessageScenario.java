package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Break it: a pay made directly at pay-service loses its message, and only the statement job can find it.
 */
class LoseMessageScenario extends Scenario {

    private static final BigDecimal AMOUNT = new BigDecimal("30.00");
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    LoseMessageScenario() {
        super("lose-message",
                "break it: a message lost, and nobody waiting for it",
                "A pay is made directly at pay-service and its message is thrown away, so account-service has no "
                + "recharge waiting and nothing to ask about. Only the statement job, which pages through "
                + "pay-service's settled pays, can find it.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults,
                    NotifierFaults.Change.OFF.withDropNextNotifications(1), ReceiverFaults.Change.OFF);

            PayRequest request = new PayRequest(ACCOUNT_NO, AMOUNT, "lost-" + UUID.randomUUID());
            Duration sent = timeline.elapsed();
            PaymentView paid = stack.pay().payOk(request);
            timeline.step("POST /paydo " + AMOUNT + " -> 200 " + paid.result() + ", txNo " + paid.txNo());
            timeline.step(stack.pay().faults().dropOfLastPay());

            Watched<Optional<RechargeView>> watched = new Watch(timeline, POLL_EVERY).until(null,
                    () -> stack.account().recharge(request.txNo()), RechargeNarration::changesOfAnnounced,
                    recharge -> recharge.isPresent() && !recharge.get().pending(), TIMEOUT);
            Duration took = watched.at().minus(sent);
            if (!watched.done()) {
                return Verdict.unexpected("account-service still had not heard of the pay " + Timeline.human(took)
                        + " after it was made");
            }
            RechargeView recharge = watched.last().orElseThrow();
            timeline.step(stack.account().account(ACCOUNT_NO).balanceLine(before));
            Duration byClocks = Duration.between(paid.paidAt(), recharge.updatedAt());
            timeline.step("by the services' own clocks: paid at pay-service -> settled at account-service in "
                    + Timeline.human(byClocks));

            String figures = Timeline.human(took) + " after the pay (services' clocks: " + Timeline.human(byClocks)
                    + "), origin " + recharge.origin();
            if (recharge.settledBy(RechargeView.SettledBy.STATEMENT)
                    && recharge.origin() == RechargeView.Origin.ANNOUNCED) {
                return Verdict.expected("SETTLED by STATEMENT with no message and no recharge waiting, seen "
                        + figures + ".");
            }
            return Verdict.unexpected(recharge.outcome() + " instead of SETTLED by STATEMENT, seen " + figures
                    + ".");
        }
    }
}
