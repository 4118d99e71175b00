package org.besteffort.account.recharge;

/**
 * Where a recharge stands, as the receiver sees it.
 */
public enum RechargeStatus {
    /** Started here, no result known yet: reconciliation will ask pay-service. */
    PENDING,
    /** Credited to the balance, exactly once. */
    SETTLED,
    /** pay-service says the pay failed: nothing credited. */
    FAILED,
    /** pay-service never heard of it before the deadline: given up. */
    EXPIRED
}
