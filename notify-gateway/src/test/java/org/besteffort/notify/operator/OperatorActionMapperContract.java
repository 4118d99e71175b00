package org.besteffort.notify.operator;

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
 * {@link OperatorActionMapper}'s own statements on a real database that the gateway's Flyway migrated: the log of who
 * did what, as it must work on MariaDB and on MySQL 8.4 alike. Every statement commits; each test starts with an
 * empty log.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class OperatorActionMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    OperatorActionMapper actions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptyLog() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM operator_action"));
    }

    @Test
    void listsWhoDidWhatNewestFirst() {
        actions.insert("alice", "DISABLE_ENDPOINT", "endpoint 7", "410 Gone", T0);
        actions.insert("bob", "RENOTIFY", "task 42", null, T0.plusSeconds(1));
        actions.insert("张三", "RECOVER", "merchant-a", "[2024-05-06T00:00Z, 2024-05-07T00:00Z)", T0.plusSeconds(2));

        assertThat(actions.latest(2)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id").containsExactly(
                new OperatorAction(0, "张三", "RECOVER", "merchant-a", "[2024-05-06T00:00Z, 2024-05-07T00:00Z)",
                        T0.plusSeconds(2)),
                new OperatorAction(0, "bob", "RENOTIFY", "task 42", null, T0.plusSeconds(1)));
    }
}
