package org.besteffort.account;

import org.awaitility.Awaitility;
import org.besteffort.local.infra.HttpFile;
import org.besteffort.local.infra.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code http/account-service.http}, the ready-made requests, sent in order to account-service in the local profile
 * (with the real pay-service behind it): each answers the status the file expects.
 */
class AccountServiceHttpFileIT extends AccountServiceITSupport {

    @Test
    void everyRequestOfTheFileGetsTheStatusItExpects() {
        HttpFile file = HttpFile.read(RepositoryRoot.find().resolve("http/account-service.http"))
                .with(Map.of("account", "http://127.0.0.1:" + port));

        // Other tests leave recharges pending on purpose: only those the file starts count.
        Timestamp started = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));

        HttpFile.Outcome outcome = file.run();

        assertThat(outcome.unexpected()).isEmpty();
        assertThat(outcome.requests()).isGreaterThanOrEqualTo(12);
        // The recharge the file started settles before the next test measures a balance.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM account_recharge WHERE status = 'PENDING' AND created_at >= ?", Integer.class,
                started) == 0);
    }
}
