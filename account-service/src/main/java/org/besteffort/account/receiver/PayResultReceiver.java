package org.besteffort.account.receiver;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.MessageModel;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Consumes pay results from {@code topic_notifymsg} and hands each to the applier. Returning is the ack;
 * throwing makes the broker redeliver later, with growing delays, up to {@code receiver.max-reconsume-times}.
 */
@Component
@RocketMQMessageListener(topic = NotifyChannel.TOPIC, consumerGroup = NotifyChannel.CONSUMER_GROUP,
        messageModel = MessageModel.CLUSTERING)
class PayResultReceiver implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(PayResultReceiver.class);

    private final PayResultApplier applier;
    private final ReceiverProperties properties;
    private final ObjectProvider<DeliveryFaults> faults;

    PayResultReceiver(PayResultApplier applier, ReceiverProperties properties, ObjectProvider<DeliveryFaults> faults) {
        this.applier = applier;
        this.properties = properties;
        this.faults = faults;
    }

    @Override
    public void onMessage(MessageExt delivery) {
        String txNo = delivery.getKeys() != null ? delivery.getKeys() : delivery.getMsgId();
        try (var ignored = MDC.putCloseable("txNo", txNo)) {
            PayResultMessage result;
            try {
                result = PayResultMessage.fromJson(delivery.getBody());
            } catch (IllegalArgumentException unreadable) {
                // A body that cannot be read now never will be: park it instead of retrying forever.
                applier.park(txNo, null, null, "unreadable body",
                        new String(delivery.getBody(), StandardCharsets.UTF_8));
                return;
            }
            DeliveryFaults activeFaults = faults.getIfAvailable();
            if (activeFaults != null) {
                activeFaults.beforeApply(txNo, delivery.getReconsumeTimes());
            }
            log.debug("delivery {} of pay {}", delivery.getReconsumeTimes() + 1, txNo);
            applier.apply(result, SettledBy.MESSAGE);
        }
    }

    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        consumer.setMaxReconsumeTimes(properties.maxReconsumeTimes());
    }
}
