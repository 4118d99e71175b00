package org.besteffort.pay.notifier;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResultMessage;
import org.besteffort.pay.payment.Payment;
import org.besteffort.pay.payment.PaymentCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Announces each recorded pay on {@code topic_notifymsg}, after its transaction commits, keyed by txNo.
 */
@Component
class PayResultNotifier {

    private static final Logger log = LoggerFactory.getLogger(PayResultNotifier.class);

    private final RocketMQTemplate rocketMQ;
    private final ObjectProvider<NotificationFaults> faults;

    PayResultNotifier(RocketMQTemplate rocketMQ, ObjectProvider<NotificationFaults> faults) {
        this.rocketMQ = rocketMQ;
        this.faults = faults;
    }

    // AFTER_COMMIT: a pay that rolls back is never announced, and no remote call runs inside the transaction.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void announce(PaymentCompleted event) {
        Payment payment = event.payment();
        String txNo = payment.txNo();
        NotificationFaults activeFaults = faults.getIfAvailable();
        if (activeFaults != null && activeFaults.dropNotification(txNo)) {
            log.warn("notification of pay {} dropped by a fault switch: reconciliation must find it", txNo);
            return;
        }
        PayResultMessage message = PayResultMessage.of(txNo, payment.accountNo(), payment.payAmount(),
                payment.result(), payment.createdAt());
        try {
            var sent = rocketMQ.syncSend(NotifyChannel.TOPIC, MessageBuilder.withPayload(message.toJson())
                    .setHeader(RocketMQHeaders.KEYS, txNo)
                    .build());
            log.info("notification of pay {} sent: {} {}", txNo, sent.getSendStatus(), sent.getMsgId());
        } catch (RuntimeException e) {
            // The pay stays committed; the receiver's reconciliation will ask /payresult for it.
            log.warn("notification of pay {} not sent, reconciliation will recover it: {}", txNo, e.toString());
        }
    }
}
