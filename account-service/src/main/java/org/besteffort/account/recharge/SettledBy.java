package org.besteffort.account.recharge;

/**
 * The path that settled a recharge: pushed by the notifier, or pulled by the receiver.
 */
public enum SettledBy {
    /** The notification arrived and was applied. */
    MESSAGE,
    /** The notify gateway posted it to our notify_url (scheme 2). */
    NOTIFY,
    /** The reconciliation job asked {@code /payresult/{txNo}} about a recharge it was waiting for. */
    RECONCILIATION,
    /** The statement job found it in pay-service's statement: the receiver had never heard of it. */
    STATEMENT
}
