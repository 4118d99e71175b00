package org.besteffort.pay.notifier.outbox;

import org.besteffort.pay.notifier.CrashPoint;
import org.besteffort.pay.notifier.CrashPoints;
import org.besteffort.pay.notifier.PayResultPublisher;
import org.besteffort.pay.payment.Payment;
import org.besteffort.pay.payment.PaymentCompleted;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.nio.charset.StandardCharsets;

/**
 * {@code send-mode: outbox}, the first half: the message is a row written by the pay's own transaction, so the pay and
 * its message commit together or not at all. Once they have, the relay is woken to publish it.
 */
@Component
@ConditionalOnProperty(name = "notifier.send-mode", havingValue = "outbox")
class OutboxWrite {

    private final OutboxMapper outbox;
    private final OutboxRelay relay;
    private final CrashPoints crashPoints;

    OutboxWrite(OutboxMapper outbox, OutboxRelay relay, CrashPoints crashPoints) {
        this.outbox = outbox;
        this.relay = relay;
        this.crashPoints = crashPoints;
    }

    // A plain listener: it runs inside the pay's transaction, which publishes the event after its insert.
    @EventListener
    void write(PaymentCompleted event) {
        Payment payment = event.payment();
        byte[] body = PayResultPublisher.resultOf(payment).toJson();
        outbox.insert(payment.txNo(), new String(body, StandardCharsets.UTF_8), payment.createdAt());
    }

    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(PaymentCompleted event) {
        crashPoints.reached(CrashPoint.AFTER_OUTBOX_INSERT_BEFORE_RELAY, event.payment().txNo());
        relay.wake();
    }
}
