package org.besteffort.pay;

import org.besteffort.local.infra.HttpFile;
import org.besteffort.local.infra.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code http/pay-service.http}, the ready-made requests, sent in order to pay-service in the local profile: each
 * answers the status the file expects, so that the file stays in step with the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class PayServiceHttpFileIT extends PayServiceITSupport {

    @Test
    void everyRequestOfTheFileGetsTheStatusItExpects() {
        HttpFile file = HttpFile.read(RepositoryRoot.find().resolve("http/pay-service.http"))
                .with(Map.of("pay", "http://127.0.0.1:" + port));

        HttpFile.Outcome outcome = file.run();

        assertThat(outcome.unexpected()).isEmpty();
        assertThat(outcome.requests()).isGreaterThanOrEqualTo(15);
    }
}
