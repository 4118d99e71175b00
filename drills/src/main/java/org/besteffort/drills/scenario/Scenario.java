package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One narrated scenario: what the trainee is about to see, and the run against the stack that shows it.
 */
abstract class Scenario {

    /** Every scenario pays into the course's account. */
    static final String ACCOUNT_NO = "1";

    /** Scheme 2: account-service's id at the notify gateway. */
    static final String RECEIVER_ID = "bank1";

    /** Scheme 2: account-service's notify URL, as pay-service and the gateway register it for bank1. */
    static String notifyUrl(Stack stack) {
        return stack.account().base().resolve("/notify/pay-result").toString();
    }

    private final String name;
    private final String title;
    private final String header;

    /**
     * @param name   the command-line name, such as {@code active-query}
     * @param title  one line: which course scenario or exercise this is
     * @param header one or two sentences: what the trainee is about to see
     */
    Scenario(String name, String title, String header) {
        this.name = name;
        this.title = title;
        this.header = header;
    }

    final String name() {
        return name;
    }

    final String title() {
        return title;
    }

    final String header() {
        return header;
    }

    /** Runs it, printing each step on the timeline; leaves every fault switch as it found it. */
    abstract Verdict run(Stack stack, Timeline timeline);

    /**
     * Pays directly at pay-service, naming account-service as the receiver to notify over HTTP: no recharge waits for
     * it, so the reconciliation job leaves it to the notify.
     */
    static PaymentView payForBank1(Stack stack, Timeline timeline, BigDecimal amount, String txNoPrefix) {
        PaymentView paid = stack.pay().payOk(new PayRequest(ACCOUNT_NO, amount, txNoPrefix + UUID.randomUUID())
                .notifying(RECEIVER_ID, notifyUrl(stack)));
        timeline.step("POST /paydo " + amount + " for " + RECEIVER_ID + " -> 200 " + paid.result() + ", txNo "
                + paid.txNo());
        return paid;
    }

    /** Sets the fault switches this scenario needs (every other one off) and shows the balance it starts from. */
    static AccountView prepare(Stack stack, Timeline timeline, FaultSwitches faults, NotifierFaults.Change notifier,
                               ReceiverFaults.Change receiver) {
        faults.set(notifier, receiver);
        AccountView before = stack.account().account(ACCOUNT_NO);
        timeline.step(before.balanceLine());
        return before;
    }
}
