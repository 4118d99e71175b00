package org.besteffort.local.infra;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * For tests of locking SQL: runs work in a transaction of its own while the caller's stays open, as a second client
 * would. A lock it has to wait for fails it in 1 s (InnoDB's lock wait timeout, 50 s by default), so that a statement
 * that should skip or never take a lock fails its test at once instead of hanging it.
 */
public final class SecondTransaction {

    private SecondTransaction() {
    }

    /** {@code work}'s result, run beside the transaction {@code caller} has open, on the same data source. */
    public static <R> R run(TransactionTemplate caller, JdbcTemplate jdbc, Supplier<R> work) {
        TransactionTemplate another = new TransactionTemplate(caller.getTransactionManager());
        another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return another.execute(status -> {
            jdbc.execute("SET SESSION innodb_lock_wait_timeout = 1");
            try {
                return work.get();
            } finally {
                jdbc.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
            }
        });
    }
}
