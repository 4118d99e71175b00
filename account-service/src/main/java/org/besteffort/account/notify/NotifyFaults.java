package org.besteffort.account.notify;

/**
 * A seam for teaching faults: lets the notify_url answer as a receiver that is down would. Only the local profile has
 * one.
 */
public interface NotifyFaults {

    /** Whether to answer this notification 503 instead of reading it, so that the gateway tries again later. */
    boolean answerDown(String webhookId, int attempt);
}
