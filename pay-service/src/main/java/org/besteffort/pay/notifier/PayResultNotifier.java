package org.besteffort.pay.notifier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.besteffort.common.NotifyChannel;
import org.besteffort.common.PayResultMessage;
import org.besteffort.common.PayResultSignature;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.besteffort.pay.payment.Payment;
import org.besteffort.pay.payment.PaymentCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Announces each recorded pay on {@code topic_notifymsg}, after its transaction commits, keyed by txNo and signed, and
 * journals the pay and what became of its announcement.
 */
@Component
class PayResultNotifier {

    private static final Logger log = LoggerFactory.getLogger(PayResultNotifier.class);

    private final RocketMQTemplate rocketMQ;
    private final NotifierProperties properties;
    private final ObjectProvider<NotificationFaults> faults;
    private final MeterRegistry meters;
    private final Journal journal;

    PayResultNotifier(RocketMQTemplate rocketMQ, NotifierProperties properties,
                      ObjectProvider<NotificationFaults> faults, MeterRegistry meters, Journal journal) {
        this.rocketMQ = rocketMQ;
        this.properties = properties;
        this.faults = faults;
        this.meters = meters;
        this.journal = journal;
    }

    // AFTER_COMMIT: a pay that rolls back is never announced, and no remote call runs inside the transaction.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void announce(PaymentCompleted event) {
        Payment payment = event.payment();
        String txNo = payment.txNo();
        // Here, not in the transaction: a pay that rolls back is never journaled either.
        journal.append(txNo, JournalStep.RECORDED, null, payment.result().name(), payment.accountNo(),
                payment.payAmount(), payment.receiverId() == null ? "nobody to notify over HTTP"
                        : "to notify " + payment.receiverId() + " at " + payment.notifyUrl());
        NotificationFaults activeFaults = faults.getIfAvailable();
        if (activeFaults != null && activeFaults.dropNotification(txNo)) {
            count("dropped");
            log.warn("notification of pay {} dropped by a fault switch: reconciliation must find it", txNo);
            journal.append(txNo, JournalStep.DROPPED, "DROPPED", "lost by a fault switch: reconciliation must find it");
            return;
        }
        Message<byte[]> message = signed(PayResultMessage.of(txNo, payment.accountNo(), payment.payAmount(),
                payment.result(), payment.createdAt(), payment.receiverId(), payment.notifyUrl()));
        int copies = activeFaults != null && activeFaults.duplicateNotification(txNo) ? 2 : 1;
        for (int copy = 1; copy <= copies; copy++) {
            send(txNo, message, copy);
        }
    }

    private Message<byte[]> signed(PayResultMessage result) {
        byte[] body = result.toJson();
        return MessageBuilder.withPayload(body)
                .setHeader(RocketMQHeaders.KEYS, result.txNo())
                .setHeader(PayResultSignature.KEY_ID_PROPERTY, properties.signing().keyId())
                .setHeader(PayResultSignature.SIGNATURE_PROPERTY,
                        PayResultSignature.sign(body, properties.signing().secret()))
                .build();
    }

    private void send(String txNo, Message<byte[]> message, int copy) {
        try {
            var sent = rocketMQ.syncSend(NotifyChannel.TOPIC, message);
            count("sent");
            String again = copy > 1 ? " again (fault switch)" : "";
            log.info("notification of pay {} sent{}: {} {}", txNo, again, sent.getSendStatus(), sent.getMsgId());
            journal.append(txNo, JournalStep.ANNOUNCED, copy, "SENT", null, null, sent.getMsgId() + again);
        } catch (RuntimeException e) {
            count("failed");
            // The pay stays committed; the receiver's reconciliation will ask /payresult for it.
            log.warn("notification of pay {} not sent, reconciliation will recover it: {}", txNo, e.toString());
            journal.append(txNo, JournalStep.SEND_FAILED, copy, "FAILED", null, null, e.toString());
        }
    }

    private void count(String outcome) {
        meters.counter("notify.notifications", "outcome", outcome).increment();
    }
}
