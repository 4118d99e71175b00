package org.besteffort.account.receiver;

import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.besteffort.common.NotifyChannel;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads, without consuming, the messages that exhausted their retries ({@code %DLQ%consumer_group_notifymsg_bank1}),
 * and asks the name server whether the topic is routable (the broker part of the health check).
 */
@Component
@SuppressWarnings("deprecation") // the pull consumer reads a queue from any offset without committing one
public class DeadLetters implements DisposableBean {

    static final String DLQ_TOPIC = MixAll.getDLQTopic(NotifyChannel.CONSUMER_GROUP);

    private final String nameServer;
    private DefaultMQPullConsumer reader;

    DeadLetters(@Value("${rocketmq.name-server}") String nameServer) {
        this.nameServer = nameServer;
    }

    /** Up to {@code limit} dead letters, oldest first; none while the broker has never dead-lettered anything. */
    public List<DeadLetter> list(int limit) throws Exception {
        Collection<MessageQueue> queues;
        try {
            queues = reader().fetchSubscribeMessageQueues(DLQ_TOPIC);
        } catch (MQClientException noRouteYet) {
            return List.of();
        }
        List<DeadLetter> letters = new ArrayList<>();
        for (MessageQueue queue : queues) {
            long offset = reader().minOffset(queue);
            while (letters.size() < limit) {
                PullResult pulled = reader().pull(queue, "*", offset, Math.min(32, limit - letters.size()));
                if (pulled.getPullStatus() != PullStatus.FOUND) {
                    break;
                }
                pulled.getMsgFoundList().forEach(message -> letters.add(DeadLetter.of(message)));
                offset = pulled.getNextBeginOffset();
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::storedAt));
        return letters;
    }

    /** How many brokers serve {@code topic_notifymsg}, as the name server says; throws if it cannot be asked. */
    public int brokersServingTheTopic() throws MQClientException {
        return (int) reader().fetchSubscribeMessageQueues(NotifyChannel.TOPIC).stream()
                .map(MessageQueue::getBrokerName).distinct().count();
    }

    private synchronized DefaultMQPullConsumer reader() throws MQClientException {
        if (reader == null) {
            DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("dead_letter_reader_bank1");
            consumer.setNamesrvAddr(nameServer);
            // One client per reader: a second application context in the same JVM (as the tests start) would share
            // this one's client, and its group, and fail to start its own.
            consumer.setInstanceName("dead-letter-reader-" + System.identityHashCode(this));
            consumer.start();
            reader = consumer;
        }
        return reader;
    }

    @Override
    public synchronized void destroy() {
        if (reader != null) {
            reader.shutdown();
        }
    }

    /**
     * A message the broker gave up on.
     *
     * @param reconsumeTimes how many times it was redelivered before it was dead-lettered
     */
    public record DeadLetter(String txNo, String msgId, int reconsumeTimes, Instant storedAt, String body) {

        static DeadLetter of(MessageExt message) {
            return new DeadLetter(message.getKeys(), message.getMsgId(), message.getReconsumeTimes(),
                    Instant.ofEpochMilli(message.getStoreTimestamp()),
                    new String(message.getBody(), StandardCharsets.UTF_8));
        }
    }
}
