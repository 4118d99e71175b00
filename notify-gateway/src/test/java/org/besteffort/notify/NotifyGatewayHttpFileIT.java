package org.besteffort.notify;

import org.besteffort.local.infra.HttpFile;
import org.besteffort.local.infra.RepositoryRoot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code http/notify-gateway.http}, the operator's ready-made requests, sent in order to the gateway with an operator's
 * token (as outside the local profile): each answers the status the file expects.
 */
class NotifyGatewayHttpFileIT extends NotifyGatewayITSupport {

    @Test
    void everyRequestOfTheFileGetsTheStatusItExpects() {
        HttpFile file = HttpFile.read(RepositoryRoot.find().resolve("http/notify-gateway.http"))
                .with(Map.of("gateway", "http://127.0.0.1:" + port))
                .withHeader("Authorization", "Bearer " + OPERATOR_TOKEN);

        HttpFile.Outcome outcome = file.run();

        assertThat(outcome.unexpected()).isEmpty();
        assertThat(outcome.requests()).isGreaterThanOrEqualTo(8);
    }
}
