package org.besteffort.pay.notifier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.besteffort.pay.payment.Payment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Signs pay results and puts them on {@code topic_notifymsg} keyed by txNo, counting and journaling what became of
 * each: what every send mode shares.
 */
@Component
public class PayResultPublisher {

    private static final Logger log = LoggerFactory.getLogger(PayResultPublisher.class);

    private final RocketMQTemplate rocketMQ;
    private final NotifierProperties properties;
    private final MeterRegistry meters;
    private final Journal journal;
    private final Clock clock;

    PayResultPublisher(RocketMQTemplate rocketMQ, NotifierProperties properties, MeterRegistry meters,
                       Journal journal, Clock clock) {
        this.rocketMQ = rocketMQ;
        this.properties = properties;
        this.meters = meters;
        this.journal = journal;
        this.clock = clock;
    }

    /** The message announcing this pay. */
    public static PayResultMessage resultOf(Payment payment) {
        return PayResultMessage.of(payment.txNo(), payment.accountNo(), payment.payAmount(), payment.result(),
                payment.createdAt(), payment.receiverId(), payment.notifyUrl());
    }

    /** The message, signed with the notifier's key and keyed by its txNo. */
    public Message<byte[]> signed(PayResultMessage result) {
        return signed(result.txNo(), result.toJson());
    }

    /** A message body, signed with the notifier's key and keyed by its txNo. */
    public Message<byte[]> signed(String txNo, byte[] body) {
        return MessageBuilder.withPayload(body)
                .setHeader(RocketMQHeaders.KEYS, txNo)
                .setHeader(PayResultSignature.KEY_ID_PROPERTY, properties.signing().keyId())
                .setHeader(PayResultSignature.SIGNATURE_PROPERTY,
                        PayResultSignature.sign(body, properties.signing().secret()))
                .build();
    }

    /**
     * Sends and waits for the broker's answer. A failure is logged, counted and journaled, never thrown: the pay stays
     * committed either way.
     *
     * @param note said after "sent" in the log and the journal, e.g. " again (fault switch)"
     * @return whether the broker stored the message
     */
    public boolean send(String txNo, Message<byte[]> message, int copy, String note) {
        Instant handedOver = clock.instant();
        try {
            sent(txNo, copy, note, handedOver, rocketMQ.syncSend(NotifyChannel.TOPIC, message));
            return true;
        } catch (RuntimeException e) {
            failed(txNo, copy, e);
            return false;
        }
    }

    /**
     * Sends without waiting: completes with whether the broker stored the message, once it answered. Logged, counted
     * and journaled as {@link #send} does; never completes exceptionally.
     */
    public CompletableFuture<Boolean> sendAsync(String txNo, Message<byte[]> message, int copy, String note) {
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        Instant handedOver = clock.instant();
        try {
            rocketMQ.asyncSend(NotifyChannel.TOPIC, message, new SendCallback() {
                @Override
                public void onSuccess(SendResult sent) {
                    sent(txNo, copy, note, handedOver, sent);
                    stored.complete(true);
                }

                @Override
                public void onException(Throwable e) {
                    failed(txNo, copy, e);
                    stored.complete(false);
                }
            });
        } catch (RuntimeException e) {
            failed(txNo, copy, e);
            stored.complete(false);
        }
        return stored;
    }

    /**
     * Journaled at the moment the message was handed to the broker, not when the answer came back: the receiver may
     * have applied it in between, and a timeline must show the announcement before the delivery.
     */
    private void sent(String txNo, int copy, String note, Instant handedOver, SendResult sent) {
        count("sent");
        log.info("notification of pay {} sent{}: {} {}", txNo, note, sent.getSendStatus(), sent.getMsgId());
        journal.append(handedOver, txNo, JournalStep.ANNOUNCED, copy, "SENT", null, null, sent.getMsgId() + note);
    }

    private void failed(String txNo, int copy, Throwable e) {
        count("failed");
        log.warn("notification of pay {} not sent: {}", txNo, e.toString());
        journal.append(txNo, JournalStep.SEND_FAILED, copy, "FAILED", null, null, e.toString());
    }

    /** A message that a half message's commit made visible: journaled as sent, as the broker stored it. */
    public void committed(String txNo, String msgId, String how) {
        count("sent");
        log.info("notification of pay {} committed {}: {}", txNo, how, msgId);
        journal.append(txNo, JournalStep.ANNOUNCED, 1, "SENT", null, null, msgId + " (half message committed " + how
                + ")");
    }

    /** A message lost on purpose by a fault switch. */
    public void dropped(String txNo) {
        count("dropped");
        log.warn("notification of pay {} dropped by a fault switch: reconciliation must find it", txNo);
        journal.append(txNo, JournalStep.DROPPED, "DROPPED", "lost by a fault switch: reconciliation must find it");
    }

    private void count(String outcome) {
        meters.counter("notify.notifications", "outcome", outcome).increment();
    }
}
