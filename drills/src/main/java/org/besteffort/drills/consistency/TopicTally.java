package org.besteffort.drills.consistency;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.besteffort.common.NotifyChannel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the messages on {@code topic_notifymsg} per txNo, from a consumer group of its own: what the notifier really
 * published, independent of who credited the pay.
 */
final class TopicTally implements AutoCloseable {

    private final DefaultMQPushConsumer consumer;
    private final Map<String, AtomicInteger> copies = new ConcurrentHashMap<>();

    TopicTally(String nameServer) {
        consumer = new DefaultMQPushConsumer("drill_topic_tally");
        consumer.setNamesrvAddr(nameServer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        try {
            consumer.subscribe(NotifyChannel.TOPIC, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                for (MessageExt message : messages) {
                    copies.computeIfAbsent(message.getKeys(), key -> new AtomicInteger()).incrementAndGet();
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("could not watch " + NotifyChannel.TOPIC, e);
        }
    }

    /** How many messages announcing this pay reached the topic so far. */
    int copies(String txNo) {
        AtomicInteger count = copies.get(txNo);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
