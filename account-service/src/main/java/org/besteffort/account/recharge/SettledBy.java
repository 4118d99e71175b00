package org.besteffort.account.recharge;

/**
 * The path that settled a recharge: pushed by the notifier, or pulled by the receiver.
 */
public enum SettledBy {
    MESSAGE,
    RECONCILIATION
}
