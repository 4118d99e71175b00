package org.besteffort.pay.notifier;

/**
 * The places between a pay's commit and its message where a crash tells the send modes apart. A fault switch of the
 * local profile halts the process at one of them ({@code POST /ops/faults {"crashAt":"…"}}), as a power cut would:
 * {@code Runtime.halt}, no shutdown hook, no flush, open transactions rolled back by the database.
 */
public enum CrashPoint {

    /** after-commit: the pay has committed, its message is not sent yet. The message is lost. */
    AFTER_COMMIT_BEFORE_SEND(SendMode.AFTER_COMMIT),

    /** outbox: the pay and its outbox row have committed, no relay has published the row yet. */
    AFTER_OUTBOX_INSERT_BEFORE_RELAY(SendMode.OUTBOX),

    /** outbox: the relay has published the row, it has not marked it sent yet. The message is published again. */
    AFTER_RELAY_PUBLISH_BEFORE_MARK(SendMode.OUTBOX),

    /** transactional: the half message is stored, the pay's transaction has not committed. Both are rolled back. */
    AFTER_HALF_BEFORE_LOCAL_COMMIT(SendMode.TRANSACTIONAL),

    /** transactional: the pay has committed, the broker has no answer yet. Its check-back commits the message. */
    AFTER_LOCAL_COMMIT_BEFORE_ANSWER(SendMode.TRANSACTIONAL);

    private final SendMode mode;

    CrashPoint(SendMode mode) {
        this.mode = mode;
    }

    /** The send mode that passes this point; a pay of another mode never reaches it. */
    public SendMode mode() {
        return mode;
    }
}
