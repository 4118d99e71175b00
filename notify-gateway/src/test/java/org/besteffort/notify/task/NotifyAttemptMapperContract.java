package org.besteffort.notify.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

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
 * {@link NotifyAttemptMapper}'s own statements on a real database that the gateway's Flyway migrated: the attempt log,
 * as it must work on MariaDB and on MySQL 8.4 alike. Every statement commits; each test starts with an empty log.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class NotifyAttemptMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    NotifyAttemptMapper attempts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptyLog() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM notify_attempt"));
    }

    @Test
    void keepsEveryAttemptOfATaskInTheOrderTheyWereMade() {
        NotifyAttempt unanswered = new NotifyAttempt(0, 42, 1, T0, 5000, null, AttemptOutcome.UNREACHABLE, null,
                "connect timed out");
        NotifyAttempt acked = new NotifyAttempt(0, 42, 2, T0.plusSeconds(15), 38, 200, AttemptOutcome.ACKED,
                "{\"code\":\"SUCCESS\"}", null);
        attempts.insert(unanswered);
        attempts.insert(new NotifyAttempt(0, 43, 1, T0, 12, 410, AttemptOutcome.GONE, "gone", null));
        attempts.insert(acked);

        List<NotifyAttempt> log = attempts.findByTask(42);

        assertThat(log).allSatisfy(attempt -> assertThat(attempt.id()).isPositive());
        assertThat(log).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                .containsExactly(unanswered, acked);
        assertThat(attempts.findByTask(44)).isEmpty();
    }
}
