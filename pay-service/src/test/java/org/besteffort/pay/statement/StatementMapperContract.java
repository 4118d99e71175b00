package org.besteffort.pay.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.besteffort.common.PayResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link StatementMapper}'s own keyset query, for every receiver and for one, on a real database that pay-service's
 * Flyway migrated: what must hold on MariaDB and on MySQL 8.4 alike. Each test starts with only the pays it records.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class StatementMapperContract {

    private static final Instant T = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    StatementMapper statement;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void noPays() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM account_pay"));
    }

    @Test
    void pagesByUpdateTimeThenTxNoWithoutSkippingOrRepeatingAPayThatSharesItsMillisecond() {
        // Recorded out of order; c, a and b share one millisecond, so only tx_no tells them apart.
        recordPay("STM-d", "bank1", T.plusMillis(1));
        recordPay("STM-c", "bank1", T);
        recordPay("STM-a", "bank1", T);
        recordPay("STM-e", "bank1", T.plusMillis(2));
        recordPay("STM-b", "bank1", T);
        recordPay("STM-late", "bank1", T.plusSeconds(60));
        Instant settledBefore = T.plusMillis(2);

        List<StatementLine> first = statement.pageOf(null, StatementCursor.START, settledBefore, 2);
        List<StatementLine> second = statement.pageOf(null, StatementCursor.of(first.get(1)), settledBefore, 2);
        List<StatementLine> third = statement.pageOf(null, StatementCursor.of(second.get(1)), settledBefore, 2);
        List<StatementLine> past = statement.pageOf(null, StatementCursor.of(third.get(0)), settledBefore, 2);

        assertThat(first).extracting(StatementLine::txNo).containsExactly("STM-a", "STM-b");
        assertThat(second).extracting(StatementLine::txNo).containsExactly("STM-c", "STM-d");
        // The pay updated after the cutoff waits for a later statement.
        assertThat(third).extracting(StatementLine::txNo).containsExactly("STM-e");
        assertThat(past).isEmpty();
    }

    @Test
    void listsOnlyThePaysOfTheReceiverThatAsksInTheSameOrder() {
        recordPay("STM-b1", "bank2", T);
        recordPay("STM-a1", "bank1", T);
        recordPay("STM-a2", "bank1", T);
        recordPay("STM-b2", "bank2", T.plusMillis(1));

        List<StatementLine> first = statement.pageOf("bank2", StatementCursor.START, T.plusSeconds(1), 1);
        List<StatementLine> second = statement.pageOf("bank2", StatementCursor.of(first.get(0)), T.plusSeconds(1), 10);

        assertThat(first).extracting(StatementLine::txNo).containsExactly("STM-b1");
        assertThat(second).extracting(StatementLine::txNo).containsExactly("STM-b2");
        assertThat(statement.pageOf("bank3", StatementCursor.START, T.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void showsEachPayWithItsAmountResultAndTimes() {
        recordPay("STM-1", "bank1", T);

        List<StatementLine> page = statement.pageOf(null, StatementCursor.START, T, 10);

        assertThat(page).containsExactly(
                new StatementLine("STM-1", "2", new BigDecimal("12.34"), PayResult.SUCCESS, T.minusSeconds(1), T));
    }

    /** A pay whose result was written a second after it was created; fixture only, PaymentMapper is tested apart. */
    private void recordPay(String txNo, String merchantId, Instant updatedAt) {
        transaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO account_pay (tx_no, account_no, pay_amount, result, merchant_id, created_at, updated_at)
                VALUES (?, '2', 12.34, 'SUCCESS', ?, ?, ?)
                """, txNo, merchantId, Timestamp.from(updatedAt.minusSeconds(1)), Timestamp.from(updatedAt)));
    }
}
