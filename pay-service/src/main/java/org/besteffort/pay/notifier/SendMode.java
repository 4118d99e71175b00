package org.besteffort.pay.notifier;

/**
 * How a pay's notification is made to follow the pay ({@code notifier.send-mode}): the difference between best-effort
 * notification and reliable-message consistency (可靠消息最终一致性). docs/consistency.md measures all three.
 */
public enum SendMode {

    /**
     * Best effort: a plain send once the pay has committed ({@link AfterCommitSend}). A crash between the commit and the
     * send loses the message; the receiver's reconciliation repairs it.
     */
    AFTER_COMMIT,

    /**
     * The local message table (本地消息表): the message is a row written in the pay's transaction, published by a relay
     * ({@code notifier.outbox}). Nothing is lost; a row published but not yet marked sent is published again.
     */
    OUTBOX,

    /**
     * RocketMQ transactional (half) messages ({@code notifier.transactional}): the half message is stored first, the
     * pay's transaction runs inside it, and the broker asks back when the answer never came.
     */
    TRANSACTIONAL
}
