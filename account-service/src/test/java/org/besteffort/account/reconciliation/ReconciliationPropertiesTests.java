package org.besteffort.account.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationPropertiesTests {

    private final ReconciliationProperties properties = new ReconciliationProperties(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 100, Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void doublesTheWaitAfterEachFailure() {
        assertThat(properties.backoff(Duration.ofSeconds(2), 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(Duration.ofSeconds(2), 2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoff(Duration.ofSeconds(2), 4)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void neverWaitsLongerThanTheMaximumBackoff() {
        assertThat(properties.backoff(Duration.ofSeconds(2), 5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(Duration.ofSeconds(2), 1_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
