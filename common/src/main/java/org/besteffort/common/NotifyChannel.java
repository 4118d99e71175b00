package org.besteffort.common;

import java.util.List;

/**
 * The RocketMQ names both sides agree on; the course's names, kept so trainees can map the material onto the code.
 */
public final class NotifyChannel {

    /** The topic the notifier announces pay results on. */
    public static final String TOPIC = "topic_notifymsg";

    /** The receiver's consumer group: one group, clustering, so each message is applied by one instance. */
    public static final String CONSUMER_GROUP = "consumer_group_notifymsg_bank1";

    /**
     * The notify gateway's consumer group (scheme 2). RocketMQ gives every group every message, so the gateway and
     * scheme 1's receiver each see all pay results.
     */
    public static final String GATEWAY_CONSUMER_GROUP = "consumer_group_notifymsg_gateway";

    /** Every consumer group of the topic: a broker that knows them before clients arrive routes retries at once. */
    public static final List<String> CONSUMER_GROUPS = List.of(CONSUMER_GROUP, GATEWAY_CONSUMER_GROUP);

    /** The notifier's producer group. */
    public static final String PRODUCER_GROUP = "producer_group_notifymsg_bank1_pay";

    private NotifyChannel() {
    }
}
