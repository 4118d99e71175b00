package org.besteffort.drills.scenario;

import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultNotification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scheme 2, break it: notifications that someone other than the gateway made, or changed, are refused with 401 and
 * change nothing; the genuine one credits the pay once, however often it comes.
 */
class ForgedNotifyScenario extends Scenario {

    /** bank1's laptop secret, the one in account-service's application.yml (and the gateway's). */
    static final String LAPTOP_SECRET = "whsec_bG9jYWwtZGV2LW5vdGlmeS1zZWNyZXQtY2hhbmdlLW1l";
    /** A well-formed secret the receiver does not know: what a forger signs with. */
    private static final String FORGER_SECRET = "whsec_YS1mb3JnZXJzLWd1ZXNzLWF0LXRoZS1ub3RpZnkta2V5";
    private static final BigDecimal AMOUNT = new BigDecimal("55.00");
    private static final BigDecimal ALTERED = new BigDecimal("55000.00");
    private static final Duration STALE = Duration.ofMinutes(10);

    ForgedNotifyScenario() {
        super("forged-notify",
                "scheme 2: a forged notify is refused",
                "A pay is made directly at pay-service and its message is dropped, so that nothing but this scenario "
                + "posts to account-service's notify URL. It posts the pay's notification signed with a secret "
                + "account-service does not know, with the amount altered after signing, unsigned, and signed ten "
                + "minutes ago: each is refused with 401 and the balance does not move. Then the genuine "
                + "notification, signed with bank1's secret now: success, credited once, even when it comes twice.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults,
                    NotifierFaults.Change.OFF.withDropNextNotifications(1), ReceiverFaults.Change.OFF);

            PaymentView paid = stack.pay().payOk(new PayRequest(ACCOUNT_NO, AMOUNT, "forged-" + UUID.randomUUID()));
            timeline.step("POST /paydo " + AMOUNT + " -> 200 " + paid.result() + ", txNo " + paid.txNo());
            timeline.step(stack.pay().faults().dropOfLastPay());

            String genuine = new PayResultNotification(PayResultNotification.TYPE, RECEIVER_ID, paid.txNo(),
                    paid.accountNo(), paid.payAmount(), PayResult.SUCCESS, paid.paidAt()).toJson();
            String altered = new PayResultNotification(PayResultNotification.TYPE, RECEIVER_ID, paid.txNo(),
                    paid.accountNo(), ALTERED, PayResult.SUCCESS, paid.paidAt()).toJson();
            String webhookId = "pay_" + paid.txNo();
            Instant now = Instant.now();
            List<String> problems = new ArrayList<>();

            refused(stack, timeline, "signed with a secret account-service does not know",
                    NotifyPost.signed(FORGER_SECRET, webhookId, now, genuine), problems);
            refused(stack, timeline, "signed by bank1's secret, then the amount changed to " + ALTERED,
                    NotifyPost.signed(LAPTOP_SECRET, webhookId, now, genuine).withBody(altered), problems);
            refused(stack, timeline, "without any webhook-* header",
                    NotifyPost.signed(LAPTOP_SECRET, webhookId, now, genuine).unsigned(), problems);
            refused(stack, timeline, "signed by bank1's secret " + STALE.toMinutes() + " minutes ago (a replay)",
                    NotifyPost.signed(LAPTOP_SECRET, webhookId, now.minus(STALE), genuine), problems);
            AccountView afterForgeries = stack.account().account(ACCOUNT_NO);
            Optional<RechargeView> unknown = stack.account().recharge(paid.txNo());
            timeline.step(afterForgeries.balanceLine(before) + "; GET /recharges/{txNo}: "
                    + unknown.map(RechargeView::outcome).orElse("404, nothing recorded"));
            if (afterForgeries.movedSince(before).signum() != 0 || unknown.isPresent()) {
                problems.add("the refused notifications changed something: balance moved "
                        + afterForgeries.movedSince(before).toPlainString());
            }

            NotifyPost real = NotifyPost.signed(LAPTOP_SECRET, webhookId, Instant.now(), genuine);
            Reply first = stack.account().notify(real.body(), real.headers());
            timeline.step("POST /notify/pay-result, genuine, signed by bank1's secret now -> " + first.status() + " "
                    + first.detail());
            AccountView credited = stack.account().account(ACCOUNT_NO);
            timeline.step(credited.balanceLine(before));
            Reply again = stack.account().notify(real.body(), real.headers());
            timeline.step("POST /notify/pay-result, the same genuine notification again -> " + again.status() + " "
                    + again.detail());
            AccountView after = stack.account().account(ACCOUNT_NO);
            RechargeView recharge = stack.account().knownRecharge(paid.txNo());
            timeline.step(after.balanceLine(before) + "; " + recharge.outcome());

            if (!"success".equals(first.body()) || !"success".equals(again.body())) {
                problems.add("the genuine notification was answered " + first.status() + " and " + again.status()
                        + ", not success twice");
            }
            if (after.movedSince(before).compareTo(AMOUNT) != 0
                    || !recharge.settledBy(RechargeView.SettledBy.NOTIFY)) {
                problems.add(recharge.outcome() + ", balance moved " + after.movedSince(before).toPlainString()
                        + " instead of SETTLED by NOTIFY, +" + AMOUNT + " once");
            }
            if (!problems.isEmpty()) {
                return Verdict.unexpected(String.join("; ", problems) + ".");
            }
            return Verdict.expected("Four forged or altered notifications answered 401, nothing recorded; the genuine "
                    + "one answered success twice and credited +" + after.movedSince(before).toPlainString()
                    + " once, SETTLED by " + recharge.path() + ".");
        }
    }

    private static void refused(Stack stack, Timeline timeline, String what, NotifyPost post, List<String> problems) {
        Reply reply = stack.account().notify(post.body(), post.headers());
        timeline.step("POST /notify/pay-result, " + what + " -> " + reply.status() + ": " + reply.detail());
        if (reply.status() != 401) {
            problems.add("a notification " + what + " was answered " + reply.status() + ", not 401");
        }
    }
}
