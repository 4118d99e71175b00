package org.besteffort.account.receiver;

import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Journals each pay result the applier handled, as a step of the path that brought it, once its transaction ended.
 */
@Component
class AppliedResultJournal {

    private final Journal journal;

    AppliedResultJournal(Journal journal) {
        this.journal = journal;
    }

    // The applier publishes after its own transaction; should it ever run inside a caller's, this waits for commit.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void applied(PayResultApplied applied) {
        journal.append(applied.txNo(), step(applied.path()),
                applied.path() == SettledBy.STATEMENT ? null : applied.attempt(), applied.outcome().name(),
                applied.accountNo(), applied.amount(), detail(applied));
    }

    private static JournalStep step(SettledBy path) {
        return switch (path) {
            case MESSAGE -> JournalStep.DELIVERED;
            case NOTIFY -> JournalStep.NOTIFIED;
            case RECONCILIATION -> JournalStep.QUERIED;
            case STATEMENT -> JournalStep.STATEMENT;
        };
    }

    private static String detail(PayResultApplied applied) {
        return switch (applied.outcome()) {
            case CREDITED -> "credited to account " + applied.accountNo();
            case ALREADY_APPLIED -> "applied before: nothing changed";
            case PAY_FAILED -> "the pay failed at pay-service: nothing credited";
            case PARKED -> "unknown account " + applied.accountNo() + ": parked for an operator";
        };
    }
}
