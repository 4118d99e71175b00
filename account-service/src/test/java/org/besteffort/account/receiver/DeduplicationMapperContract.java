package org.besteffort.account.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link DeduplicationMapper}'s own statements on a real database that account-service's Flyway migrated: the
 * idempotency guard of {@link PayResultApplier}, as it must work on MariaDB and on MySQL 8.4 alike. Every statement
 * commits; each test starts with an empty ledger.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class DeduplicationMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    DeduplicationMapper deduplication;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptyLedger() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM de_duplication"));
    }

    @Test
    void rejectsASecondRowForTheSameTxNo() {
        deduplication.insert("D-1", T0);

        // The key decides: the second insert fails (error 1062), and the applier catches it as DuplicateKeyException.
        assertThatThrownBy(() -> deduplication.insert("D-1", T0.plusSeconds(1)))
                .isInstanceOf(DuplicateKeyException.class)
                .rootCause().isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(1062));
    }

    @Test
    void insertsABatchWhollyOrNotAtAll() {
        deduplication.insert("D-2", T0);

        assertThatThrownBy(() -> deduplication.insertAll(List.of("D-1", "D-2", "D-3"), T0))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(deduplication.appliedAmong(List.of("D-1", "D-2", "D-3"))).containsExactly("D-2");

        deduplication.insertAll(List.of("D-1", "D-3"), T0);
        assertThat(deduplication.appliedAmong(List.of("D-1", "D-2", "D-3", "D-4")))
                .containsExactlyInAnyOrder("D-1", "D-2", "D-3");
    }
}
