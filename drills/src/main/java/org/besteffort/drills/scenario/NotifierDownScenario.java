package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Break it: the message is lost and the notifier cannot be asked for a while; reconciliation backs off, then
 * settles.
 */
class NotifierDownScenario extends Scenario {

    private static final BigDecimal AMOUNT = new BigDecimal("60.00");
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration POLL_EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    NotifierDownScenario() {
        super("notifier-down",
                "break it: the notifier cannot be asked",
                "The message is lost and pay-service answers /payresult with 503 for a while, as a notifier under "
                + "maintenance would. The reconciliation job's questions fail and it backs off; once /payresult "
                + "answers again, its next question settles the recharge.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults,
                    NotifierFaults.Change.OFF.withDropNextNotifications(1).withPayresultUnavailableFor(OUTAGE),
                    ReceiverFaults.Change.OFF);

            Duration sent = timeline.elapsed();
            RechargeView started = stack.account().startRecharge(ACCOUNT_NO, AMOUNT);
            timeline.step("POST /recharges " + AMOUNT + " -> 202 " + started.status() + ", txNo " + started.txNo());
            timeline.step(stack.pay().faults().dropOfLastPay());

            OutageNarration narration = new OutageNarration(started);
            Watched<OutageNarration.Sight> watched = new Watch(timeline, POLL_EVERY).until(null,
                    () -> new OutageNarration.Sight(stack.account().knownRecharge(started.txNo()),
                            stack.pay().payResult(started.txNo()).status(), timeline.elapsed()),
                    narration, sight -> !sight.recharge().pending(), TIMEOUT);
            RechargeView recharge = watched.last().recharge();
            Duration took = watched.at().minus(sent);
            if (!watched.done()) {
                return Verdict.unexpected("still " + recharge.status() + " " + Timeline.human(took)
                        + " after the request, after " + recharge.queries());
            }
            timeline.step(stack.account().account(ACCOUNT_NO).balanceLine(before));
            timeline.step("account-service's own timestamps: recorded -> settled in "
                    + Timeline.human(recharge.recordedToUpdated()));

            Duration answersAgain = narration.answersAgainAt();
            String figures = Timeline.human(took) + " after the request" + (answersAgain == null ? ""
                    : " and " + Timeline.human(watched.at().minus(answersAgain)) + " after /payresult answered "
                    + "again") + ", " + recharge.queries() + " ("
                    + narration.queriesDuringOutage() + " while /payresult answered 503)";
            boolean asTold = recharge.settledBy(RechargeView.SettledBy.RECONCILIATION) && answersAgain != null
                    && narration.queriesDuringOutage() >= 1;
            if (asTold) {
                return Verdict.expected("SETTLED by " + recharge.path() + ", seen " + figures + ".");
            }
            String unexpected = recharge.outcome() + " instead of SETTLED by RECONCILIATION after the outage, seen "
                    + figures;
            if (recharge.settledBy(RechargeView.SettledBy.STATEMENT)) {
                unexpected += ": the statement job (its /statements is not switched off) found the pay first";
            }
            return Verdict.unexpected(unexpected + ".");
        }
    }
}
