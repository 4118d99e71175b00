package org.besteffort.account.receiver;

/**
 * What applying one pay result did.
 */
public enum ApplyOutcome {
    /** The balance was credited: the first time this txNo was applied. */
    CREDITED,
    /** This txNo was applied before: nothing changed. */
    ALREADY_APPLIED,
    /** The pay failed at pay-service: recorded, nothing credited. */
    PAY_FAILED,
    /** It can never be applied (unknown account): parked for an operator, nothing credited. */
    PARKED
}
