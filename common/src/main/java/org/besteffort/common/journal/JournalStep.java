package org.besteffort.common.journal;

import java.util.List;

/**
 * Every step a service journals, with the outcomes it can end in: the one place the services and the console agree
 * on. A pay's way reads RECORDED → ANNOUNCED → DELIVERED (or TASK_KEPT → ATTEMPT → NOTIFIED) → applied; a lost
 * message reads RECORDED → DROPPED → QUERIED at both ends.
 *
 * <p>Outcomes that apply a pay result at account-service are {@code ApplyOutcome}'s: CREDITED (the balance moved,
 * once), ALREADY_APPLIED (another path or delivery got there first), PAY_FAILED (the pay failed at pay-service) and
 * PARKED (it can never be applied; an operator looks).
 */
public enum JournalStep {

    // pay-service, the notifier

    /** pay-service: the pay committed. Outcome: its result. Detail: the notify target, if it named one. */
    RECORDED("SUCCESS", "FAIL"),

    /** pay-service: the result was sent to the topic; attempt 2 is the copy a fault switch sends again. Detail: msgId. */
    ANNOUNCED("SENT"),

    /** pay-service: a fault switch lost the notification on purpose; reconciliation must find the pay. */
    DROPPED("DROPPED"),

    /** pay-service: the broker did not take the notification; reconciliation must find the pay. Detail: the error. */
    SEND_FAILED("FAILED"),

    /**
     * A reconciliation query, journaled at both ends.
     * pay-service answered {@code GET /payresult/{txNo}}: FOUND, UNKNOWN (404) or UNAVAILABLE (503, a fault switch).
     * account-service asked it (attempt = which query of this recharge): CREDITED, ALREADY_APPLIED, PAY_FAILED,
     * PARKED, UNKNOWN (pay-service has no such pay yet) or UNREACHABLE (no answer; the recharge stays pending).
     */
    QUERIED("FOUND", "UNAVAILABLE", "CREDITED", "ALREADY_APPLIED", "PAY_FAILED", "PARKED", "UNKNOWN", "UNREACHABLE"),

    // account-service, the receiver

    /**
     * account-service: {@code POST /recharges} recorded a recharge and asked pay-service to pay it; {@code at} is when
     * it was recorded. Outcome: its status when the request was answered: PENDING (its result is on its way), FAILED
     * (pay-service refused the pay) or SETTLED (its result was applied before the answer).
     */
    RECHARGE_STARTED("PENDING", "FAILED", "SETTLED"),

    /**
     * account-service: a delivery by message (attempt = the broker's reconsume count + 1). Besides the apply
     * outcomes: FAILED (it threw, by a fault switch or a database error: the broker redelivers it), IGNORED (a pay
     * result for another receiver) and UNTRUSTED (not signed by the notifier, or unreadable: parked).
     */
    DELIVERED("CREDITED", "ALREADY_APPLIED", "PAY_FAILED", "PARKED", "FAILED", "IGNORED", "UNTRUSTED"),

    /**
     * account-service: the notify gateway's POST to the notify_url (attempt = its {@code notify-attempt} header).
     * Besides the apply outcomes: REFUSED (401 not verified, 400 unreadable, 422 contradicts what is known here) and
     * FAILED (503 from a fault switch, or 500: the gateway tries again).
     */
    NOTIFIED("CREDITED", "ALREADY_APPLIED", "PAY_FAILED", "PARKED", "REFUSED", "FAILED"),

    /** account-service: the statement job found the pay on pay-service's statement and applied it. */
    STATEMENT("CREDITED", "ALREADY_APPLIED", "PAY_FAILED", "PARKED"),

    /** account-service: pay-service never recorded the recharge before the deadline: given up. */
    EXPIRED("EXPIRED"),

    // notify-gateway (scheme 2)

    /** notify-gateway: a pay result became a task (KEPT), or found its task kept already (ALREADY_KEPT). */
    TASK_KEPT("KEPT", "ALREADY_KEPT"),

    /** notify-gateway: a pay result that names a receiver was not kept: unsigned, or a receiver or URL not registered. */
    TASK_REFUSED("REFUSED"),

    /** notify-gateway: one HTTP attempt, numbered; outcome as {@code AttemptOutcome}. Detail: status and latency. */
    ATTEMPT("ACKED", "REFUSED", "THROTTLED", "GONE", "UNREACHABLE"),

    /** notify-gateway: the receiver's schedule is exhausted; the task waits for an operator. */
    TASK_FAILED("FAILED"),

    /** notify-gateway: an operator re-notified the task: attempts start again, due now. Detail: who. */
    RENOTIFIED("PENDING"),

    /** notify-gateway: an operator recovered a receiver's failed tasks of a window (txNo null). Detail: how many. */
    RECOVERED("PENDING"),

    /** notify-gateway: an endpoint was disabled, by an operator, a 410 answer or failing too long (txNo null). */
    ENDPOINT_DISABLED("DISABLED"),

    /** notify-gateway: an operator enabled an endpoint; its waiting tasks are due now (txNo null). */
    ENDPOINT_ENABLED("ENABLED");

    private final List<String> outcomes;

    JournalStep(String... outcomes) {
        this.outcomes = List.of(outcomes);
    }

    /** The outcomes an entry of this step can have. */
    public List<String> outcomes() {
        return outcomes;
    }

    /** Whether an entry of this step can end in this outcome. */
    public boolean allows(String outcome) {
        return outcomes.contains(outcome);
    }
}
