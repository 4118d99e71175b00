package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Break it: the receiver fails the first two deliveries, and the broker's redelivery settles the pay.
 */
class FailDeliveriesScenario extends Scenario {

    private static final BigDecimal AMOUNT = new BigDecimal("50.00");
    private static final int FAILING = 2;
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    FailDeliveriesScenario() {
        super("fail-deliveries",
                "break it: deliveries that fail",
                "account-service fails the next two deliveries on purpose, as a receiver with a broken database "
                + "would. The broker redelivers with growing waits, and the third delivery credits the account, "
                + "once.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults, NotifierFaults.Change.OFF,
                    ReceiverFaults.Change.OFF.withFailNextDeliveries(FAILING));

            // Paid directly: a recharge started at account-service would be settled by its reconciliation job
            // long before the broker's redeliveries.
            PayRequest request = new PayRequest(ACCOUNT_NO, AMOUNT, "redelivered-" + UUID.randomUUID());
            Duration sent = timeline.elapsed();
            PaymentView paid = stack.pay().payOk(request);
            timeline.step("POST /paydo " + AMOUNT + " -> 200 " + paid.result() + ", txNo " + paid.txNo());

            RedeliveryNarration narration = new RedeliveryNarration(FAILING);
            Watched<RedeliveryNarration.Sight> watched = new Watch(timeline, POLL_EVERY).until(null,
                    () -> new RedeliveryNarration.Sight(stack.account().recharge(request.txNo()),
                            stack.account().faults().failNextDeliveries(), timeline.elapsed()),
                    narration, sight -> sight.recharge().isPresent() && !sight.recharge().get().pending(), TIMEOUT);
            Duration took = watched.at().minus(sent);
            List<Duration> failed = narration.failedAt();
            if (!watched.done()) {
                return Verdict.unexpected("account-service still had not settled the pay " + Timeline.human(took)
                        + " after it was made; " + failed.size() + " failed deliveries seen");
            }
            RechargeView recharge = watched.last().recharge().orElseThrow();
            timeline.step(stack.account().account(ACCOUNT_NO).balanceLine(before));
            Duration byClocks = Duration.between(paid.paidAt(), recharge.updatedAt());
            timeline.step("by the services' own clocks: paid at pay-service -> settled at account-service in "
                    + Timeline.human(byClocks));

            boolean asTold = recharge.settledBy(RechargeView.SettledBy.MESSAGE)
                    && Integer.valueOf(FAILING + 1).equals(recharge.settledAttempt()) && failed.size() == FAILING;
            if (asTold) {
                return Verdict.expected("SETTLED by " + recharge.path() + ", seen " + Timeline.human(took)
                        + " after the pay (services' clocks: " + Timeline.human(byClocks) + "); deliveries 1 and 2 "
                        + "failed, the broker redelivered " + Timeline.human(failed.get(1).minus(failed.get(0)))
                        + " and then " + Timeline.human(watched.at().minus(failed.get(1)))
                        + " later (as seen by polling).");
            }
            String unexpected = recharge.outcome() + " instead of SETTLED by MESSAGE on delivery " + (FAILING + 1)
                    + ", seen " + Timeline.human(took) + " after the pay, with " + failed.size() + " of " + FAILING
                    + " failing deliveries seen";
            if (recharge.settledBy(RechargeView.SettledBy.STATEMENT)) {
                unexpected += ": the statement job found the pay before the broker's redelivery could settle it";
            }
            return Verdict.unexpected(unexpected + ".");
        }
    }
}
