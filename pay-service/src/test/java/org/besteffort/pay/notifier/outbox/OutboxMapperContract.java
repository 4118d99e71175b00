package org.besteffort.pay.notifier.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.besteffort.local.infra.SecondTransaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link OutboxMapper}'s own statements on a real database that pay-service's Flyway migrated: the relay's claim,
 * lease, sent mark and purge, as they must work on MariaDB and on MySQL 8.4 alike. Every statement commits unless the
 * test opens a transaction, as in the relay; each test starts with an empty outbox.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class OutboxMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    OutboxMapper outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptyOutbox() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM pay_outbox"));
    }

    @Test
    void letsASecondRelaySkipTheRowsTheFirstHasClaimed() {
        for (int i = 0; i < 4; i++) {
            outbox.insert("OBX-" + i, "{}", T0.plusMillis(i));
        }

        List<List<String>> claims = transaction.execute(first -> {
            List<String> firstClaim = txNos(outbox.due(T0.plusSeconds(1), 2));
            // The first relay's transaction is still open, its rows locked.
            List<String> secondClaim = inAnotherTransaction(() -> txNos(outbox.due(T0.plusSeconds(1), 10)));
            return List.of(firstClaim, secondClaim);
        });

        assertThat(claims.get(0)).containsExactly("OBX-0", "OBX-1");
        // Never a row of the first claim, and no waiting for it: the rows the first relay left are free.
        assertThat(claims.get(1)).containsExactly("OBX-2", "OBX-3");
    }

    @Test
    void leavesALeasedRowAloneUntilItsLeaseRunsOut() {
        outbox.insert("OBX-lease", "{\"txNo\":\"OBX-lease\"}", T0);
        List<OutboxRow> due = outbox.due(T0, 10);

        outbox.lease(due.stream().map(OutboxRow::id).toList(), T0.plusSeconds(10));

        assertThat(due).extracting(OutboxRow::txNo, OutboxRow::payload)
                .containsExactly(tuple("OBX-lease", "{\"txNo\":\"OBX-lease\"}"));
        assertThat(outbox.due(T0.plusSeconds(9), 10)).isEmpty();
        assertThat(outbox.due(T0.plusSeconds(10), 10)).extracting(OutboxRow::txNo).containsExactly("OBX-lease");
        assertThat(jdbc.queryForObject("SELECT publishes FROM pay_outbox WHERE tx_no = 'OBX-lease'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void marksRowsSentOnceAndPurgesOnlyOldSentRowsAFewAtATime() {
        for (int i = 0; i < 4; i++) {
            outbox.insert("OBX-sent-" + i, "{}", T0);
        }
        List<Long> ids = outbox.due(T0, 10).stream().map(OutboxRow::id).toList();

        outbox.markSent(ids.subList(0, 3), T0.plusSeconds(1));
        // A second publish of the same rows keeps the first sent time.
        outbox.markSent(ids.subList(0, 1), T0.plusSeconds(5));

        assertThat(outbox.unsent()).isEqualTo(1);
        assertThat(outbox.due(T0, 10)).extracting(OutboxRow::id).containsExactly(ids.get(3));
        assertThat(outbox.purgeSentBefore(T0.plusSeconds(1), 10)).as("sent at the cutoff is kept").isZero();
        assertThat(outbox.purgeSentBefore(T0.plusSeconds(2), 2)).isEqualTo(2);
        assertThat(outbox.purgeSentBefore(T0.plusSeconds(2), 2)).isEqualTo(1);
        assertThat(outbox.unsent()).isEqualTo(1);
    }

    /**
     * Runs {@code claim} in a transaction of its own while the caller's stays open; were SKIP LOCKED ignored, it would
     * wait for the caller's locks: it fails in 1 s instead of 50.
     */
    private <R> R inAnotherTransaction(Supplier<R> claim) {
        return SecondTransaction.run(transaction, jdbc, claim);
    }

    private static List<String> txNos(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::txNo).toList();
    }
}
