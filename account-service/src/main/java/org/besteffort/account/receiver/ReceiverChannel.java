package org.besteffort.account.receiver;

/**
 * A way pay results reach this receiver; {@code receiver.channels} lists the ones it listens on.
 */
public enum ReceiverChannel {
    /** Scheme 1: consume {@code topic_notifymsg} in consumer group {@code consumer_group_notifymsg_bank1}. */
    MQ,
    /** Scheme 2: the notify gateway posts each result to this receiver's notify_url. */
    HTTP
}
