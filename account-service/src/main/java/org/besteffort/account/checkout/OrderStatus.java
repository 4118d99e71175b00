package org.besteffort.account.checkout;

import com.fasterxml.jackson.annotation.JsonValue;
import org.besteffort.account.recharge.RechargeStatus;

/**
 * An order's status as the course material names it for the merchant's order page.
 */
enum OrderStatus {

    /** Recharge PENDING: no signed result yet. */
    PENDING("pending"),
    /** Recharge SETTLED: the balance was credited, once. */
    SUCCESS("success"),
    /** Recharge FAILED (the provider declined) or EXPIRED (the provider never heard of it). */
    FAILED("failed");

    private final String text;

    OrderStatus(String text) {
        this.text = text;
    }

    static OrderStatus of(RechargeStatus status) {
        return switch (status) {
            case PENDING -> PENDING;
            case SETTLED -> SUCCESS;
            case FAILED, EXPIRED -> FAILED;
        };
    }

    /** What the page shows, and what its event stream sends; public for the template. */
    @JsonValue
    public String text() {
        return text;
    }

    /** Whether the order can still change. */
    boolean isFinal() {
        return this != PENDING;
    }
}
