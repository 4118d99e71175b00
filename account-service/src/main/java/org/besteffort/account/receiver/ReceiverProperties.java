package org.besteffort.account.receiver;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;
import java.util.Set;

/**
 * How pay results reach this receiver, how the listener consumes, and whom it believes.
 *
 * @param channels          the ways pay results reach this receiver: {@code mq} (the listener, scheme 1) and/or
 *                          {@code http} (the notify_url, scheme 2); a channel not listed has no bean at all
 * @param maxReconsumeTimes redeliveries the broker makes after a failed delivery before it moves the message to
 *                          {@code %DLQ%consumer_group_notifymsg_bank1} (16 is RocketMQ's default: about 4h 46m)
 * @param batchSize         most deliveries applied in one transaction; batches form only when a queue has a backlog
 * @param consumeThreads    threads applying deliveries at once; keep them fewer than the connection pool's
 * @param signingKeys       the notifier's signing secrets by key id; a message signed with any other key is parked.
 *                          Rotation: add the new id, switch the notifier to it, then remove the old id.
 */
@ConfigurationProperties("receiver")
record ReceiverProperties(@DefaultValue({"mq", "http"}) Set<ReceiverChannel> channels,
                          @DefaultValue("16") int maxReconsumeTimes, @DefaultValue("32") int batchSize,
                          @DefaultValue("8") int consumeThreads, Map<String, String> signingKeys) {

    ReceiverProperties {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        signingKeys = signingKeys == null ? Map.of() : Map.copyOf(signingKeys);
        if (batchSize < 1 || consumeThreads < 1) {
            throw new IllegalArgumentException("receiver.batch-size and receiver.consume-threads must be at least 1");
        }
    }
}
