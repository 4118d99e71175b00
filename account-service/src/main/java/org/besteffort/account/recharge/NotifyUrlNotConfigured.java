package org.besteffort.account.recharge;

/**
 * A recharge was to be paid at pay-service's cashier, but {@code recharge.notify.*} names no notify URL, which the
 * cashier requires: a configuration mistake, not the payer's.
 */
public class NotifyUrlNotConfigured extends RuntimeException {

    public NotifyUrlNotConfigured() {
        super("recharge.notify.url is not set: the provider's cashier takes only orders that name a notify URL");
    }
}
