package org.besteffort.account.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
 * {@link ReconciliationCursorMapper}'s own statements on a real database that account-service's Flyway migrated and
 * seeded: the statement job's cursor and its lease, as they must work on MariaDB and on MySQL 8.4 alike. Every
 * statement commits; each test starts with the seeded cursor, at the start and free.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class ReconciliationCursorMapperContract {

    private static final String CURSOR = "statement";

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    ReconciliationCursorMapper cursors;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void seededCursor() {
        transaction.executeWithoutResult(status -> jdbc.update("""
                UPDATE reconciliation_cursor SET cursor_value = NULL, leased_until = '1970-01-01 00:00:00.000'
                WHERE name = 'statement'
                """));
    }

    @Test
    void letsOneInstanceHoldTheCursorUntilItsLeaseEnds() {
        assertThat(cursors.lease(CURSOR, T0, T0.plusSeconds(30))).isEqualTo(1);
        assertThat(cursors.lease(CURSOR, T0.plusSeconds(29), T0.plusSeconds(59))).as("held by the first").isZero();
        assertThat(cursors.lease(CURSOR, T0.plusSeconds(30), T0.plusSeconds(60))).as("its lease ended").isEqualTo(1);

        cursors.release(CURSOR, T0.plusSeconds(31));

        assertThat(cursors.lease(CURSOR, T0.plusSeconds(31), T0.plusSeconds(61))).as("released").isEqualTo(1);
        assertThat(cursors.lease("no-such-cursor", T0, T0.plusSeconds(30))).isZero();
    }

    @Test
    void startsFromTheBeginningAndKeepsWhereItStands() {
        assertThat(cursors.position(CURSOR)).isNull();

        cursors.advance(CURSOR, "MTcxNDk3OTI4OTEyMzpSLTE", T0);

        assertThat(cursors.position(CURSOR)).isEqualTo("MTcxNDk3OTI4OTEyMzpSLTE");
    }
}
