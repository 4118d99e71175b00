package org.besteffort.account.receiver;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
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
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes pay results from {@code topic_notifymsg} in batches, believes only those signed by the notifier, and hands
 * them to the applier, which applies a batch in one transaction. A delivery applied is acknowledged; one that failed
 * is redelivered by the broker later, with growing delays, up to {@code receiver.max-reconsume-times}. Exists only while {@code receiver.channels} lists {@code mq}.
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
    private final DistributionSummary batches;
    private DefaultMQPushConsumer consumer;

    PayResultReceiver(PayResultApplier applier, ReceiverProperties properties, ObjectProvider<DeliveryFaults> faults,
                      Journal journal, @Value("${receiver.notify.receiver-id:bank1}") String receiverId,
                      MeterRegistry meters) {
        this.applier = applier;
        this.properties = properties;
        this.faults = faults;
        this.journal = journal;
        this.receiverId = receiverId;
        this.batches = DistributionSummary.builder("notify.receiver.batch")
                .description("deliveries the listener was handed at once").register(meters);
    }

    /**
     * Not called while the consumer runs: {@link #prepareStart} gives it {@link #consume}, which takes deliveries in
     * batches. Kept for the contract of the listener container: one delivery, thrown back if it failed.
     */
    @Override
    public void onMessage(MessageExt delivery) {
        List<MessageExt> failed = receive(List.of(delivery));
        if (!failed.isEmpty()) {
            throw new IllegalStateException("delivery of " + txNoOf(delivery) + " failed; the broker redelivers it");
        }
    }

    /**
     * A batch of deliveries from one queue, up to {@code receiver.batch-size}: those that fail go back to the broker
     * for a later redelivery, each on its own, and the rest are acknowledged. Should the broker not take one back,
     * the whole batch is redelivered; what was applied of it then comes back as ALREADY_APPLIED, never twice.
     */
    private ConsumeConcurrentlyStatus consume(List<MessageExt> deliveries, ConsumeConcurrentlyContext context) {
        batches.record(deliveries.size());
        List<MessageExt> failed = receive(deliveries);
        if (failed.isEmpty()) {
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }
        if (failed.size() == deliveries.size()) {
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        try {
            for (MessageExt delivery : failed) {
                consumer.sendMessageBack(delivery, context.getDelayLevelWhenNextConsume(),
                        context.getMessageQueue().getBrokerName());
            }
        } catch (Exception notTakenBack) {
            log.warn("the broker did not take back {} failed deliveries of a batch of {}: redelivering the batch ({})",
                    failed.size(), deliveries.size(), notTakenBack.toString());
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    /**
     * Checks each delivery, then applies the believed ones together ({@link PayResultApplier#applyAll}).
     *
     * @return the deliveries that failed: nothing of them was applied, and they must come again
     */
    List<MessageExt> receive(List<MessageExt> deliveries) {
        List<MessageExt> failed = new ArrayList<>();
        List<MessageExt> applying = new ArrayList<>();
        List<Arrival> arrivals = new ArrayList<>();
        for (MessageExt delivery : deliveries) {
            try (var ignored = MDC.putCloseable("txNo", txNoOf(delivery))) {
                PayResultMessage result = believed(delivery);
                if (result == null) {
                    continue;
                }
                try {
                    DeliveryFaults activeFaults = faults.getIfAvailable();
                    if (activeFaults != null) {
                        activeFaults.beforeApply(result.txNo(), delivery.getReconsumeTimes());
                    }
                } catch (RuntimeException injected) {
                    journalFailure(delivery, result, injected);
                    failed.add(delivery);
                    continue;
                }
                applying.add(delivery);
                arrivals.add(new Arrival(result, delivery.getReconsumeTimes() + 1));
            }
        }
        if (arrivals.isEmpty()) {
            return failed;
        }
        List<Handled> handled;
        try {
            handled = applier.applyAll(arrivals, SettledBy.MESSAGE);
        } catch (RuntimeException unreachable) {
            // Nothing of the batch was applied (its transaction rolled back); the broker redelivers all of it.
            for (int i = 0; i < applying.size(); i++) {
                journalFailure(applying.get(i), arrivals.get(i).result(), unreachable);
            }
            failed.addAll(applying);
            return failed;
        }
        for (int i = 0; i < handled.size(); i++) {
            if (handled.get(i).isFailed()) {
                journalFailure(applying.get(i), arrivals.get(i).result(), handled.get(i).failure());
                failed.add(applying.get(i));
            }
        }
        return failed;
    }

    /**
     * The pay result this delivery carries, if it is to be applied here; null if it was parked (unsigned, forged,
     * unreadable) or is another receiver's. Either way journaled.
     */
    private PayResultMessage believed(MessageExt delivery) {
        String txNo = txNoOf(delivery);
        int attempt = delivery.getReconsumeTimes() + 1;
        byte[] body = delivery.getBody();
        String untrusted = untrustedBecause(delivery);
        if (untrusted != null) {
            // Forged or altered on the way: never credit it, never retry it; an operator looks at it.
            applier.park(txNo, null, null, untrusted, new String(body, StandardCharsets.UTF_8));
            journal.append(txNo, JournalStep.DELIVERED, attempt, "UNTRUSTED", null, null, "parked: " + untrusted);
            return null;
        }
        PayResultMessage result;
        try {
            result = PayResultMessage.fromJson(body);
        } catch (IllegalArgumentException unreadable) {
            // A body that cannot be read now never will be: park it instead of retrying forever.
            applier.park(txNo, null, null, "unreadable body", new String(body, StandardCharsets.UTF_8));
            journal.append(txNo, JournalStep.DELIVERED, attempt, "UNTRUSTED", null, null, "parked: unreadable body");
            return null;
        }
        if (result.txNo().length() > ParkedColumns.TX_NO) {
            // No pay-service issues such a txNo, and no de_duplication key could hold it: retrying cannot help.
            String reason = "txNo of " + result.txNo().length() + " characters, longer than any pay's";
            applier.park(txNo, result.accountNo(), result.amount(), reason, new String(body, StandardCharsets.UTF_8));
            journal.append(txNo, JournalStep.DELIVERED, attempt, "UNTRUSTED", null, null, "parked: " + reason);
            return null;
        }
        if (result.receiverId() != null && !result.receiverId().equals(receiverId)) {
            // The notifier's topic carries every merchant's pay results; another receiver's is none of ours.
            log.debug("pay {} is for receiver {}, not {}: ignored", txNo, result.receiverId(), receiverId);
            journal.append(txNo, JournalStep.DELIVERED, attempt, "IGNORED", result.accountNo(), result.amount(),
                    "for receiver " + result.receiverId() + ", not " + receiverId);
            return null;
        }
        return result;
    }

    private void journalFailure(MessageExt delivery, PayResultMessage result, RuntimeException failure) {
        log.warn("delivery {} of pay {} failed, the broker redelivers it: {}", delivery.getReconsumeTimes() + 1,
                result.txNo(), NestedExceptionUtils.getMostSpecificCause(failure).toString());
        journal.append(result.txNo(), JournalStep.DELIVERED, delivery.getReconsumeTimes() + 1, "FAILED",
                result.accountNo(), result.amount(), failure.getMessage() + "; the broker redelivers it");
    }

    private static String txNoOf(MessageExt delivery) {
        return delivery.getKeys() != null ? delivery.getKeys() : delivery.getMsgId();
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
        this.consumer = consumer;
        consumer.setMaxReconsumeTimes(properties.maxReconsumeTimes());
        // Batches form only from a backlog: a queue with one message waiting hands over a batch of one, so at a low
        // rate nothing waits to fill a batch. The threads stay fewer than the pool's connections: a delivery never
        // queues for a connection behind the others (each batch takes one for its transaction).
        consumer.setConsumeMessageBatchMaxSize(properties.batchSize());
        consumer.setConsumeThreadMin(properties.consumeThreads());
        consumer.setConsumeThreadMax(properties.consumeThreads());
        consumer.setMessageListener((MessageListenerConcurrently) this::consume);
        // An instance that joins the group pulls nothing until the broker has its subscription: heartbeat every 5 s
        // instead of 30 s, so that a scale-out or a restart is not a 30 s pause.
        consumer.setHeartbeatBrokerInterval(5_000);
    }
}
