package org.besteffort.pay.notifier.transactional;

import org.apache.rocketmq.spring.annotation.RocketMQTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.besteffort.common.PayResultMessage;
import org.besteffort.pay.notifier.CrashPoint;
import org.besteffort.pay.notifier.CrashPoints;
import org.besteffort.pay.notifier.NotifierProperties;
import org.besteffort.pay.notifier.PayResultPublisher;
import org.besteffort.pay.payment.Payment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code send-mode: transactional}, the broker's side of the conversation: runs the pay's local transaction once its
 * half message is stored, and answers the broker's check-back when that answer never arrived (the service died, the
 * answer was lost).
 *
 * <p>The check-back decides from {@code account_pay} alone:
 * <ul>
 *   <li>the pay is recorded as the message says it: COMMIT;</li>
 *   <li>another pay holds the txNo (the message came from a replay with other contents, or a retried request's copy):
 *   ROLLBACK, it will never become this pay;</li>
 *   <li>no pay, and the half message is younger than {@code notifier.transactional.rollback-after}: UNKNOWN, ask again
 *   — its transaction may still be committing;</li>
 *   <li>no pay, and older: ROLLBACK, written down first in {@code pay_half_message_rollback}. The pay's transaction reads
 *   that row before it commits, so even a pay that wakes up later cannot commit after its message was rolled back:
 *   "provably absent", not "probably".</li>
 * </ul>
 */
@RocketMQTransactionListener
@ConditionalOnProperty(name = "notifier.send-mode", havingValue = "transactional")
class PayTransactionListener implements RocketMQLocalTransactionListener {

    private static final Logger log = LoggerFactory.getLogger(PayTransactionListener.class);

    private final HalfMessageMapper halfMessages;
    private final TransactionTemplate transaction;
    private final CrashPoints crashPoints;
    private final PayResultPublisher publisher;
    private final Duration rollbackAfter;
    private final Clock clock;

    PayTransactionListener(HalfMessageMapper halfMessages, TransactionTemplate transaction, CrashPoints crashPoints,
                           PayResultPublisher publisher, NotifierProperties properties, Clock clock) {
        this.halfMessages = halfMessages;
        this.transaction = transaction;
        this.crashPoints = crashPoints;
        this.publisher = publisher;
        this.rollbackAfter = properties.transactional().rollbackAfter();
        this.clock = clock;
    }

    /** The half message is stored: run the pay's transaction, on the sending thread, and say how it ended. */
    @Override
    public RocketMQLocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        LocalPay pay = (LocalPay) arg;
        Payment recorded;
        try {
            recorded = transaction.execute(status -> {
                Payment inserted = pay.transaction().get(); // joins this transaction
                if (halfMessages.rolledBack(pay.halfMessageId())) {
                    throw new IllegalStateException("its half message was rolled back while the pay waited");
                }
                crashPoints.reached(CrashPoint.AFTER_HALF_BEFORE_LOCAL_COMMIT, pay.txNo());
                return inserted;
            });
        } catch (RuntimeException e) {
            pay.failed(e);
            return RocketMQLocalTransactionState.ROLLBACK;
        }
        pay.committed(recorded);
        crashPoints.reached(CrashPoint.AFTER_LOCAL_COMMIT_BEFORE_ANSWER, pay.txNo());
        return RocketMQLocalTransactionState.COMMIT;
    }

    /** The broker never got an answer for this half message: decide it from what the database holds. */
    @Override
    public RocketMQLocalTransactionState checkLocalTransaction(Message msg) {
        PayResultMessage announced;
        try {
            announced = PayResultMessage.fromJson((byte[]) msg.getPayload());
        } catch (RuntimeException unreadable) {
            log.error("check-back for a half message that is not a pay result, rolled back: {}", unreadable.toString());
            return RocketMQLocalTransactionState.ROLLBACK;
        }
        String halfMessageId = header(msg, HalfMessageSend.HALF_MESSAGE_ID);
        String preparedAt = header(msg, HalfMessageSend.PREPARED_AT);
        if (halfMessageId == null || preparedAt == null) {
            log.error("check-back for pay {} without its {} or {}: rolled back", announced.txNo(),
                    HalfMessageSend.HALF_MESSAGE_ID, HalfMessageSend.PREPARED_AT);
            return RocketMQLocalTransactionState.ROLLBACK;
        }
        Duration age = Duration.ofMillis(clock.millis() - Long.parseLong(preparedAt));
        RocketMQLocalTransactionState answer = transaction.execute(status -> {
            Optional<PayResultMessage> recorded = halfMessages.recordedPay(announced.txNo());
            if (recorded.isPresent()) {
                return sameResult(recorded.get(), announced) ? RocketMQLocalTransactionState.COMMIT
                        : RocketMQLocalTransactionState.ROLLBACK;
            }
            if (age.compareTo(rollbackAfter) < 0) {
                return RocketMQLocalTransactionState.UNKNOWN;
            }
            halfMessages.recordRollback(halfMessageId, announced.txNo(), clock.instant());
            return RocketMQLocalTransactionState.ROLLBACK;
        });
        log.info("check-back for pay {} (half message {}, {} ms old): {}", announced.txNo(), halfMessageId,
                age.toMillis(), answer);
        if (answer == RocketMQLocalTransactionState.COMMIT) {
            publisher.committed(announced.txNo(), header(msg, "TRANSACTION_ID") + "", "by the broker's check-back");
        }
        return answer;
    }

    private static boolean sameResult(PayResultMessage recorded, PayResultMessage announced) {
        return recorded.accountNo().equals(announced.accountNo())
                && recorded.amount().compareTo(announced.amount()) == 0
                && recorded.result() == announced.result()
                && recorded.paidAt().equals(announced.paidAt())
                && Objects.equals(recorded.receiverId(), announced.receiverId())
                && Objects.equals(recorded.notifyUrl(), announced.notifyUrl());
    }

    private static String header(Message<?> msg, String name) {
        Object value = msg.getHeaders().get(name);
        if (value == null) {
            value = msg.getHeaders().get("rocketmq_" + name);
        }
        return value == null ? null : value.toString();
    }
}
