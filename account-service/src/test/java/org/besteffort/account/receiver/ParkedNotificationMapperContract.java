package org.besteffort.account.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
 * {@link ParkedNotificationMapper}'s own statements on a real database that account-service's Flyway migrated: an
 * upsert that counts, as it must work on MariaDB and on MySQL 8.4 alike. Every statement commits; each test starts
 * with nothing parked.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class ParkedNotificationMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    @Autowired
    ParkedNotificationMapper parked;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void nothingParked() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM parked_notification"));
    }

    @Test
    void parksANotificationOnceAndCountsEveryTimeItIsSeenAgain() {
        parked.park("P-1", "404", new BigDecimal("12.34"), "unknown account", "{\"txNo\":\"P-1\"}", T0);
        parked.park("P-1", "405", new BigDecimal("99.99"), "another reason", "{}", T0.plusSeconds(10));

        // Columns the UPDATE clause does not name keep the values of the first insert.
        assertThat(parked.newest(10)).containsExactly(new ParkedNotification("P-1", "404", new BigDecimal("12.34"),
                "unknown account", "{\"txNo\":\"P-1\"}", 2, T0));
    }

    @Test
    void keepsAWholeMessageOfAnyKnownSizeAndListsTheNewestFirst() {
        String body = "x".repeat(200_000);
        parked.park("P-big", null, null, "unreadable body", body, T0);
        parked.park("P-next", "1", new BigDecimal("1.00"), "amount differs", "{}", T0.plusSeconds(1));

        List<ParkedNotification> newest = parked.newest(2);

        assertThat(newest).extracting(ParkedNotification::txNo).containsExactly("P-next", "P-big");
        assertThat(newest.get(1).payload()).isEqualTo(body);
        assertThat(newest.get(1).accountNo()).isNull();
        assertThat(parked.newest(1)).extracting(ParkedNotification::txNo).containsExactly("P-next");
    }
}
