package org.besteffort.notify.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * {@link NotifyEndpointMapper}'s own statements on a real database that the gateway's Flyway migrated: endpoints made
 * on first use, paused, failing, disabled and enabled, as they must work on MariaDB and on MySQL 8.4 alike. Every
 * statement commits unless the test opens a transaction; each test starts with no endpoints.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class NotifyEndpointMapperContract {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");

    private static final String URL = "http://127.0.0.1:9/notify/pay-result";

    @Autowired
    NotifyEndpointMapper endpoints;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void noEndpoints() {
        transaction.executeWithoutResult(status -> jdbc.update("DELETE FROM notify_endpoint"));
    }

    @Test
    void createsAnEndpointOnceWhoeverComesFirst() {
        endpoints.insertIfAbsent("merchant-a", URL, T0);
        // ON DUPLICATE KEY UPDATE id = id: the second intake changes nothing, not even the time.
        endpoints.insertIfAbsent("merchant-a", URL, T0.plusSeconds(5));

        NotifyEndpoint endpoint = endpoints.find("merchant-a", URL).orElseThrow();
        Optional<NotifyEndpoint> latest = transaction.execute(intake -> endpoints.findLatest("merchant-a", URL));

        assertThat(endpoint).isEqualTo(new NotifyEndpoint(endpoint.id(), "merchant-a", URL, EndpointStatus.ENABLED,
                null, null, T0, T0));
        assertThat(latest).hasValue(endpoint);
        assertThat(endpoints.findById(endpoint.id())).hasValue(endpoint);
        assertThat(endpoints.findAll()).containsExactly(endpoint);
        assertThat(endpoints.find("merchant-a", URL + "/other")).isEmpty();
    }

    @Test
    void keepsTheLongestPauseAndDeliversOnlyToEnabledEndpointsThatAreNotPaused() {
        long paused = endpoint("merchant-a");
        long disabled = endpoint("merchant-b");

        endpoints.pause(paused, T0.plusSeconds(60), T0);
        // GREATEST: a shorter Retry-After later does not cut the pause short.
        endpoints.pause(paused, T0.plusSeconds(10), T0.plusSeconds(1));
        assertThat(endpoints.disable(disabled, "410 Gone", T0)).isEqualTo(1);
        assertThat(endpoints.disable(disabled, "operator", T0)).as("disabled already").isZero();

        assertThat(receivers(endpoints.findDeliverable(T0.plusSeconds(59)))).isEmpty();
        assertThat(receivers(endpoints.findDeliverable(T0.plusSeconds(60)))).containsExactly("merchant-a");
        assertThat(endpoints.findById(disabled).orElseThrow().disabledReason()).isEqualTo("410 Gone");

        assertThat(endpoints.enable(disabled, T0.plusSeconds(61))).isEqualTo(1);
        assertThat(receivers(endpoints.findDeliverable(T0.plusSeconds(61))))
                .containsExactlyInAnyOrder("merchant-a", "merchant-b");
        assertThat(endpoints.findById(disabled).orElseThrow().disabledReason()).isNull();
    }

    @Test
    void remembersSinceWhenAnEndpointFailsUntilItAcknowledgesAgain() {
        long id = endpoint("merchant-a");

        assertThat(endpoints.markHealthy(id, T0)).as("healthy already").isZero();
        assertThat(endpoints.markFailing(id, T0)).isEqualTo(1);
        assertThat(endpoints.markFailing(id, T0.plusSeconds(30))).as("failing already").isZero();
        assertThat(endpoints.findById(id).orElseThrow().failingSince()).isEqualTo(T0);

        assertThat(endpoints.markHealthy(id, T0.plusSeconds(60))).isEqualTo(1);
        assertThat(endpoints.findById(id).orElseThrow().failingSince()).isNull();
    }

    private long endpoint(String receiverId) {
        endpoints.insertIfAbsent(receiverId, URL, T0);
        return endpoints.find(receiverId, URL).orElseThrow().id();
    }

    private static List<String> receivers(List<NotifyEndpoint> rows) {
        return rows.stream().map(NotifyEndpoint::receiverId).toList();
    }
}
