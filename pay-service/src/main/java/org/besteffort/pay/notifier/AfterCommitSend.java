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
 * {@code send-mode: after-commit}, best effort: once the pay has committed, one plain send, not waited for. Nothing
 * ties the two together: a crash in between, or a broker that cannot be reached, loses the message, and the
 * receiver's reconciliation (the active query, then the statement) is what finds the pay.
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
        boolean twice = activeFaults != null && activeFaults.duplicateNotification(txNo);
        // Handed to the broker without waiting for its answer: the request thread answers the payer at once. The
        // answer is logged, counted and journaled when it comes; a failed send leaves the pay to reconciliation, as
        // a crash right after the commit would.
        var first = publisher.sendAsync(txNo, message, 1, "");
        if (twice) {
            // The copy after the first has been answered, as a sender retrying would: the journal keeps their order.
            first.thenRun(() -> publisher.sendAsync(txNo, message, 2, " again (fault switch)"));
        }
    }
}
