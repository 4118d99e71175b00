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
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Consumes pay results from {@code topic_notifymsg}, believes only those signed by the notifier, and hands each to
 * the applier. Returning is the ack; throwing makes the broker redeliver later, with growing delays, up to
 * {@code receiver.max-reconsume-times}. Exists only while {@code receiver.channels} lists {@code mq}.
 */
@Component
@ConditionalOnReceiverChannel(ReceiverChannel.MQ)
@RocketMQMessageListener(topic = NotifyChannel.TOPIC, consumerGroup = NotifyChannel.CONSUMER_GROUP,
        messageModel = MessageModel.CLUSTERING)
class PayResultReceiver implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(PayResultReceiver.class);

    private final PayResultApplier applier;
    private final ReceiverProperties properties;
    private final ObjectProvider<DeliveryFaults> faults;
    private final Journal journal;
    private final String receiverId;

    PayResultReceiver(PayResultApplier applier, ReceiverProperties properties, ObjectProvider<DeliveryFaults> faults,
                      Journal journal, @Value("${receiver.notify.receiver-id:bank1}") String receiverId) {
        this.applier = applier;
        this.properties = properties;
        this.faults = faults;
        this.journal = journal;
        this.receiverId = receiverId;
    }

    @Override
    public void onMessage(MessageExt delivery) {
        String txNo = delivery.getKeys() != null ? delivery.getKeys() : delivery.getMsgId();
        int attempt = delivery.getReconsumeTimes() + 1;
        try (var ignored = MDC.putCloseable("txNo", txNo)) {
            byte[] body = delivery.getBody();
            String untrusted = untrustedBecause(delivery);
            if (untrusted != null) {
                // Forged or altered on the way: never credit it, never retry it; an operator looks at it.
                applier.park(txNo, null, null, untrusted, new String(body, StandardCharsets.UTF_8));
                journal.append(txNo, JournalStep.DELIVERED, attempt, "UNTRUSTED", null, null, "parked: " + untrusted);
                return;
            }
            PayResultMessage result;
            try {
                result = PayResultMessage.fromJson(body);
            } catch (IllegalArgumentException unreadable) {
                // A body that cannot be read now never will be: park it instead of retrying forever.
                applier.park(txNo, null, null, "unreadable body", new String(body, StandardCharsets.UTF_8));
                journal.append(txNo, JournalStep.DELIVERED, attempt, "UNTRUSTED", null, null,
                        "parked: unreadable body");
                return;
            }
            if (result.receiverId() != null && !result.receiverId().equals(receiverId)) {
                // The notifier's topic carries every merchant's pay results; another receiver's is none of ours.
                log.debug("pay {} is for receiver {}, not {}: ignored", txNo, result.receiverId(), receiverId);
                journal.append(txNo, JournalStep.DELIVERED, attempt, "IGNORED", result.accountNo(), result.amount(),
                        "for receiver " + result.receiverId() + ", not " + receiverId);
                return;
            }
            try {
                DeliveryFaults activeFaults = faults.getIfAvailable();
                if (activeFaults != null) {
                    activeFaults.beforeApply(txNo, delivery.getReconsumeTimes());
                }
                applier.apply(result, SettledBy.MESSAGE, attempt);
            } catch (RuntimeException failed) {
                // Nothing was applied (the applier's transaction rolled back); the broker redelivers it later.
                journal.append(txNo, JournalStep.DELIVERED, attempt, "FAILED", result.accountNo(), result.amount(),
                        failed.getMessage() + "; the broker redelivers it");
                throw failed;
            }
        }
    }

    /** Why this delivery cannot be believed, or null if the notifier signed exactly this body. */
    private String untrustedBecause(MessageExt delivery) {
        String keyId = delivery.getUserProperty(PayResultSignature.KEY_ID_PROPERTY);
        String signature = delivery.getUserProperty(PayResultSignature.SIGNATURE_PROPERTY);
        if (keyId == null || signature == null) {
            return "unsigned message";
        }
        String secret = properties.signingKeys().get(keyId);
        if (secret == null) {
            return "unknown signing key " + keyId;
        }
        if (!PayResultSignature.verify(delivery.getBody(), signature, secret)) {
            return "bad signature (key " + keyId + ")";
        }
        return null;
    }

    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        consumer.setMaxReconsumeTimes(properties.maxReconsumeTimes());
        // An instance that joins the group pulls nothing until the broker has its subscription: heartbeat every 5 s
        // instead of 30 s, so that a scale-out or a restart is not a 30 s pause.
        consumer.setHeartbeatBrokerInterval(5_000);
    }
}
