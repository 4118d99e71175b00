package org.besteffort.pay.notifier;

import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.besteffort.pay.payment.Payment;
import org.besteffort.pay.payment.PaymentCompleted;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Journals each pay once its transaction has committed, before any send mode journals its announcement: a pay that
 * rolls back is never journaled.
 */
@Component
class PaymentJournal {

    private final Journal journal;

    PaymentJournal(Journal journal) {
        this.journal = journal;
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void recorded(PaymentCompleted event) {
        Payment payment = event.payment();
        journal.append(payment.txNo(), JournalStep.RECORDED, null, payment.result().name(), payment.accountNo(),
                payment.payAmount(), payment.receiverId() == null ? "nobody to notify over HTTP"
                        : "to notify " + payment.receiverId() + " at " + payment.notifyUrl());
    }
}
