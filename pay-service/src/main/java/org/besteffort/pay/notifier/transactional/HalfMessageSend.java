package org.besteffort.pay.notifier.transactional;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.besteffort.common.NotifyChannel;
import org.besteffort.pay.notifier.PayResultPublisher;
import org.besteffort.pay.payment.PayNotRecorded;
import org.besteffort.pay.payment.PayTransaction;
import org.besteffort.pay.payment.Payment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code send-mode: transactional}, the sending side: the pay's message goes to the broker first as a half message,
 * which no consumer sees; then the pay's local transaction runs ({@link PayTransactionListener}), and its outcome
 * commits or rolls back the half message. A broker that cannot take the half message means no pay: the price of
 * never losing one.
 */
@Component
@ConditionalOnProperty(name = "notifier.send-mode", havingValue = "transactional")
class HalfMessageSend implements PayTransaction {

    /** The id this service gives each half message, so that a check-back and its pay's transaction can meet. */
    static final String HALF_MESSAGE_ID = "halfMessageId";

    /** When the half message was prepared (epoch milliseconds), to tell a slow pay from one that never came. */
    static final String PREPARED_AT = "preparedAt";

    private final RocketMQTemplate rocketMQ;
    private final PayResultPublisher publisher;
    private final Clock clock;

    HalfMessageSend(RocketMQTemplate rocketMQ, PayResultPublisher publisher, Clock clock) {
        this.rocketMQ = rocketMQ;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Payment run(Payment payment, Supplier<Payment> localTransaction) {
        LocalPay pay = new LocalPay(payment.txNo(), UUID.randomUUID().toString(), localTransaction);
        Message<byte[]> message = MessageBuilder.fromMessage(
                        publisher.signed(PayResultPublisher.resultOf(payment)))
                .setHeader(HALF_MESSAGE_ID, pay.halfMessageId())
                .setHeader(PREPARED_AT, String.valueOf(clock.millis()))
                .build();
        TransactionSendResult sent;
        try {
            // Stores the half message, then runs the pay's transaction on this thread (the listener), then answers.
            sent = rocketMQ.sendMessageInTransaction(NotifyChannel.TOPIC, message, pay);
        } catch (MessagingException e) {
            if (pay.recorded() != null) {
                // Only the answer failed to reach the broker: the pay is committed, the check-back will commit.
                return pay.recorded();
            }
            throw new PayNotRecorded(payment.txNo(), "the broker did not take its half message", e);
        }
        if (pay.failure() != null) {
            throw pay.failure(); // a replay's duplicate key, a conflict: the half message was rolled back
        }
        if (pay.recorded() == null) {
            throw new PayNotRecorded(payment.txNo(), "the broker answered " + sent.getSendStatus()
                    + " to its half message", null);
        }
        if (sent.getLocalTransactionState() == LocalTransactionState.COMMIT_MESSAGE) {
            publisher.committed(payment.txNo(), sent.getMsgId(), "with its pay");
        }
        return pay.recorded();
    }
}
