package org.besteffort.notify.journal;

import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.common.journal.JournalStep;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A step journaled inside a transaction appears once it commits, in order, and never if it rolls back.
 */
class CommittedJournalTests {

    private final Journal journal = new Journal("notify-gateway", 10);
    private final CommittedJournal committed = new CommittedJournal(journal);
    private final TransactionTemplate transaction = new TransactionTemplate(new NoResourceTransactions());

    @Test
    void appendsTheStepsOfATransactionOnceItCommitsInTheirOrder() {
        transaction.executeWithoutResult(status -> {
            committed.append("tx-1", JournalStep.ATTEMPT, 4, "THROTTLED", null, null, "HTTP 503 in 3 ms");
            committed.append("tx-1", JournalStep.TASK_FAILED, 4, "FAILED", null, null, "after 4 attempts");
            assertThat(journal.page(0, 10).entries()).isEmpty();
        });

        assertThat(journal.page(0, 10).entries()).extracting(JournalEntry::step)
                .containsExactly("ATTEMPT", "TASK_FAILED");
    }

    @Test
    void appendsNothingOfATransactionThatRollsBack() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            committed.append("tx-1", JournalStep.TASK_KEPT, "KEPT", null);
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(journal.page(0, 10).entries()).isEmpty();
    }

    @Test
    void appendsAtOnceOutsideATransaction() {
        committed.append("tx-1", JournalStep.TASK_REFUSED, "REFUSED", "not signed by the notifier");

        assertThat(journal.page(0, 10).entries()).extracting(JournalEntry::outcome).containsExactly("REFUSED");
    }

    /** Transaction synchronization without a database: enough to commit and roll back. */
    private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
