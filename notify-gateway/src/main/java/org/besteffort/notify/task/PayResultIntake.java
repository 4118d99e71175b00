package org.besteffort.notify.task;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.spring.annotation.MessageModel;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.JournalStep;
import org.besteffort.notify.journal.CommittedJournal;
import org.besteffort.notify.receiver.RegisteredReceivers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Takes pay results off {@code topic_notifymsg} with the gateway's own consumer group and keeps a task for each one
 * that names a registered receiver, before acknowledging the message. Throwing (the database is down) makes the broker
 * deliver it again later.
 */
@Component
// Eight consuming threads, not the starter's twenty: each holds a database connection while it keeps a task.
@RocketMQMessageListener(topic = NotifyChannel.TOPIC, consumerGroup = NotifyChannel.GATEWAY_CONSUMER_GROUP,
        messageModel = MessageModel.CLUSTERING, consumeThreadNumber = 8)
class PayResultIntake implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(PayResultIntake.class);

    private final NotifyTasks tasks;
    private final RegisteredReceivers receivers;
    private final IntakeProperties properties;
    private final MeterRegistry meters;
    private final CommittedJournal journal;
    private volatile DefaultMQPushConsumer consumer;

    PayResultIntake(NotifyTasks tasks, RegisteredReceivers receivers, IntakeProperties properties,
                    MeterRegistry meters, CommittedJournal journal) {
        this.tasks = tasks;
        this.receivers = receivers;
        this.properties = properties;
        this.meters = meters;
        this.journal = journal;
    }

    @Override
    public void onMessage(MessageExt delivery) {
        String txNo = delivery.getKeys() != null ? delivery.getKeys() : delivery.getMsgId();
        try (var ignored = MDC.putCloseable("txNo", txNo)) {
            Optional<String> refusal = refusal(delivery);
            if (refusal.isPresent()) {
                // Nothing to retry: a later delivery of the same message would be refused the same way.
                count("refused");
                log.warn("pay result {} not kept for notification: {}", txNo, refusal.get());
                journal.append(txNo, JournalStep.TASK_REFUSED, "REFUSED", refusal.get());
                return;
            }
            PayResultMessage result = PayResultMessage.fromJson(delivery.getBody());
            if (!result.wantsHttpNotify()) {
                count("not-requested");
                return;
            }
            count(tasks.keep(result) ? "kept" : "repeated");
        }
    }

    /** Why this message never becomes a task, or empty if it should. */
    private Optional<String> refusal(MessageExt delivery) {
        String keyId = delivery.getUserProperty(PayResultSignature.KEY_ID_PROPERTY);
        String signature = delivery.getUserProperty(PayResultSignature.SIGNATURE_PROPERTY);
        String secret = keyId == null ? null : properties.paySigningKeys().get(keyId);
        if (secret == null || !PayResultSignature.verify(delivery.getBody(), signature, secret)) {
            return Optional.of("not signed by the notifier (key " + keyId + ")");
        }
        PayResultMessage result;
        try {
            result = PayResultMessage.fromJson(delivery.getBody());
        } catch (IllegalArgumentException unreadable) {
            return Optional.of("unreadable body");
        }
        if (!result.wantsHttpNotify()) {
            return Optional.empty();
        }
        return receivers.refusal(result.receiverId(), result.notifyUrl());
    }

    private void count(String outcome) {
        meters.counter("notify.gateway.intake", "outcome", outcome).increment();
    }

    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        // A restarted or added instance pulls nothing until the broker has its subscription: heartbeat every 5 s.
        consumer.setHeartbeatBrokerInterval(5_000);
        this.consumer = consumer;
    }

    /** How many brokers serve {@code topic_notifymsg}, as the name server tells this intake's consumer. */
    int brokersServingTheTopic() throws MQClientException {
        if (consumer == null) {
            throw new IllegalStateException("the intake's consumer has not started");
        }
        return (int) consumer.fetchSubscribeMessageQueues(NotifyChannel.TOPIC).stream()
                .map(MessageQueue::getBrokerName).distinct().count();
    }
}
