package org.besteffort.notify.journal;

import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;

/**
 * Appends to the journal once the caller's transaction has committed, and never if it rolls back; at once when there
 * is no transaction. Steps appended in one transaction keep their order.
 */
@Component
public class CommittedJournal {

    private final Journal journal;

    CommittedJournal(Journal journal) {
        this.journal = journal;
    }

    /** Journals a step that names no attempt and no money. */
    public void append(String txNo, JournalStep step, String outcome, String detail) {
        append(txNo, step, null, outcome, null, null, detail);
    }

    /** Journals a step of the current transaction, once it commits. */
    public void append(String txNo, JournalStep step, Integer attempt, String outcome, String accountNo,
                       BigDecimal amount, String detail) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            journal.append(txNo, step, attempt, outcome, accountNo, amount, detail);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                journal.append(txNo, step, attempt, outcome, accountNo, amount, detail);
            }
        });
    }
}
