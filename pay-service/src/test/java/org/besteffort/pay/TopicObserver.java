package org.besteffort.pay;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResultMessage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * Watches {@code topic_notifymsg} from a consumer group of its own, as a second subscriber would.
 */
public final class TopicObserver implements AutoCloseable {

    private final DefaultMQPushConsumer consumer;
    private final Map<String, List<MessageExt>> seen = new ConcurrentHashMap<>();

    private TopicObserver(DefaultMQPushConsumer consumer) {
        this.consumer = consumer;
    }

    static TopicObserver start(String nameServer) {
        var consumer = new DefaultMQPushConsumer("it_observer_" + UUID.randomUUID().toString().substring(0, 8));
        consumer.setNamesrvAddr(nameServer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        var observer = new TopicObserver(consumer);
        try {
            consumer.subscribe(NotifyChannel.TOPIC, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                for (MessageExt message : messages) {
                    observer.seen.computeIfAbsent(message.getKeys(), key -> new CopyOnWriteArrayList<>()).add(message);
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException(e);
        }
        return observer;
    }

    /** Waits for the notification of this pay and returns it. */
    public PayResultMessage awaitMessage(String txNo) {
        return PayResultMessage.fromJson(awaitDelivery(txNo).getBody());
    }

    /** Waits for the notification of this pay and returns it as the broker delivered it. */
    public MessageExt awaitDelivery(String txNo) {
        await().atMost(Duration.ofSeconds(30)).until(() -> countSent(txNo) > 0);
        return seen.get(txNo).get(0);
    }

    /** How many notifications of this pay the observer has received so far. */
    public int countSent(String txNo) {
        return seen.getOrDefault(txNo, List.of()).size();
    }

    /** How many messages with this key the broker's index holds on the topic. */
    @SuppressWarnings("deprecation")
    public long countStoredOnBroker(String txNo) {
        try {
            long now = System.currentTimeMillis();
            return consumer.queryMessage(NotifyChannel.TOPIC, txNo, 32, now - 3_600_000, now + 60_000)
                    .getMessageList().stream().filter(message -> txNo.equals(message.getKeys())).count();
        } catch (MQClientException e) {
            if (String.valueOf(e.getErrorMessage()).contains("no message")) {
                return 0;
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
