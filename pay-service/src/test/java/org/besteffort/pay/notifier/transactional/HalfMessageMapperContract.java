package org.besteffort.pay.notifier.transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.besteffort.common.PayResult;
import org.besteffort.common.PayResultMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.besteffort.local.infra.SecondTransaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link HalfMessageMapper}'s own statements on a real database that pay-service's Flyway migrated: the broker's
 * check-back reading a pay, and the record of rolled-back half messages, as they must work on MariaDB and on MySQL 8.4
 * alike. Every statement commits unless the test opens a transaction; each test starts with no pays and no rollbacks.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class HalfMessageMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    HalfMessageMapper halfMessages;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void noPaysAndNoRollbacks() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM account_pay");
            jdbc.update("DELETE FROM pay_half_message_rollback");
        });
    }

    @Test
    void readsARecordedPayAsTheMessageThatAnnouncesIt() {
        transaction.executeWithoutResult(status -> recordPay("HM-1"));

        Optional<PayResultMessage> announced = transaction.execute(checkBack -> halfMessages.recordedPay("HM-1"));

        assertThat(announced).hasValue(PayResultMessage.of("HM-1", "3", new BigDecimal("45.60"), PayResult.SUCCESS,
                T0, "merchant-a", "http://127.0.0.1:9/notify"));
    }

    @Test
    void keepsAnAbsentPayAbsentUntilTheCheckBackEnds() {
        transaction.executeWithoutResult(checkBack -> {
            assertThat(halfMessages.recordedPay("HM-2")).isEmpty();

            // The pay's own transaction may not slip its insert in after the check-back found nothing (gap lock).
            assertThatThrownBy(() -> inAnotherTransaction(() -> recordPay("HM-2")))
                    .isInstanceOf(PessimisticLockingFailureException.class);
        });
        transaction.executeWithoutResult(status -> recordPay("HM-2"));
        Optional<PayResultMessage> afterwards = transaction.execute(checkBack -> halfMessages.recordedPay("HM-2"));
        assertThat(afterwards).isPresent();
    }

    @Test
    void recordsARolledBackHalfMessageOnceWithItsFirstDecision() {
        halfMessages.recordRollback("half-1", "HM-3", T0);
        halfMessages.recordRollback("half-1", "HM-3", T0.plusSeconds(30));

        Boolean firstRolledBack = transaction.execute(pay -> halfMessages.rolledBack("half-1"));
        Boolean otherRolledBack = transaction.execute(pay -> halfMessages.rolledBack("half-2"));

        assertThat(firstRolledBack).isTrue();
        assertThat(otherRolledBack).isFalse();
        assertThat(jdbc.queryForList("SELECT decided_at FROM pay_half_message_rollback"
                + " WHERE half_message_id = 'half-1'", Timestamp.class)).extracting(Timestamp::toInstant)
                .containsExactly(T0);
    }

    /** A pay as pay-service records it; fixture only, PaymentMapper is tested apart. */
    private void recordPay(String txNo) {
        jdbc.update("""
                INSERT INTO account_pay (tx_no, account_no, pay_amount, result, merchant_id, receiver_id, notify_url,
                                         created_at, updated_at)
                VALUES (?, '3', 45.60, 'SUCCESS', 'merchant-a', 'merchant-a', 'http://127.0.0.1:9/notify', ?, ?)
                """, txNo, Timestamp.from(T0), Timestamp.from(T0));
    }

    /** Runs {@code work} in a transaction of its own while the caller's stays open, waiting at most 1 s for a lock. */
    private void inAnotherTransaction(Runnable work) {
        SecondTransaction.run(transaction, jdbc, () -> {
            work.run();
            return null;
        });
    }
}
