package org.besteffort.pay.notifier;

import org.besteffort.pay.payment.Payment;
import org.besteffort.pay.payment.PaymentCompleted;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code send-mode: after-commit}, best effort: once the pay has committed, one plain send. Nothing ties the two
 * together: a crash in between, or a broker that cannot be reached, loses the message, and the receiver's
 * reconciliation (the active query, then the statement) is what finds the pay.
 */
@Component
@ConditionalOnProperty(name = "notifier.send-mode", havingValue = "after-commit", matchIfMissing = true)
class AfterCommitSend {

    private final PayResultPublisher publisher;
    private final ObjectProvider<NotificationFaults> faults;
    private final CrashPoints crashPoints;

    AfterCommitSend(PayResultPublisher publisher, ObjectProvider<NotificationFaults> faults,
                    CrashPoints crashPoints) {
        this.publisher = publisher;
        this.faults = faults;
        this.crashPoints = crashPoints;
    }

    // AFTER_COMMIT: a pay that rolls back is never announced, and no remote call runs inside the transaction.
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void announce(PaymentCompleted event) {
        Payment payment = event.payment();
        String txNo = payment.txNo();
        crashPoints.reached(CrashPoint.AFTER_COMMIT_BEFORE_SEND, txNo);
        NotificationFaults activeFaults = faults.getIfAvailable();
        if (activeFaults != null && activeFaults.dropNotification(txNo)) {
            publisher.dropped(txNo);
            return;
        }
        Message<byte[]> message = publisher.signed(PayResultPublisher.resultOf(payment));
        // Synchronous on purpose: the request thread waits for the broker, so a payer gets an answer only as fast as
        // the pipeline behind it moves. Sent asynchronously, pay-service accepted 1,122 pays/s against 958 but the
        // receiver settled 832/s against 956, and the pays queued in pay-service's sender (+290/s, p99 to credit
        // 8.4 s instead of 0.17 s), where a crash loses them all to reconciliation (docs/benchmarks.md, round 2).
        boolean twice = activeFaults != null && activeFaults.duplicateNotification(txNo);
        publisher.send(txNo, message, 1, "");
        if (twice) {
            publisher.send(txNo, message, 2, " again (fault switch)");
        }
    }
}
