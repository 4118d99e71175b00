package org.besteffort.notify.receiver;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisteredReceiversTests {

    /** The example of the Standard Webhooks reference libraries: secret, id, timestamp, payload and its signature. */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final String SPEC_PAYLOAD = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String NEXT_SECRET = "whsec_bG9jYWwtZGV2LW5vdGlmeS1zZWNyZXQtbmV4dC1rZXk=";

    @Test
    void signsTheSpecsExampleExactlyAsTheSpecDoes() {
        var receivers = receivers(List.of(SPEC_SECRET), false);

        assertThat(receivers.sign("shop", SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void signsWithEverySecretDuringARotationSoEitherVerifies() throws Exception {
        var receivers = receivers(List.of(SPEC_SECRET, NEXT_SECRET), false);
        long now = Instant.now().getEpochSecond();

        String header = receivers.sign("shop", SPEC_ID, now, SPEC_PAYLOAD);

        assertThat(header.split(" ")).hasSize(2).allSatisfy(signature -> assertThat(signature).startsWith("v1,"));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(SPEC_ID),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header));
        new Webhook(SPEC_SECRET).verify(SPEC_PAYLOAD, headers);
        new Webhook(NEXT_SECRET).verify(SPEC_PAYLOAD, headers);
    }

    @Test
    void refusesAUrlTheReceiverDidNotRegisterOrThatLeadsIntoThePrivateNetwork() {
        var strict = receivers(List.of(SPEC_SECRET), false);

        assertThat(strict.refusal("shop", "https://203.0.113.10/notify")).isEmpty();
        assertThat(strict.refusal("shop", "https://203.0.113.10/other")).hasValueSatisfying(
                reason -> assertThat(reason).contains("not registered"));
        assertThat(strict.refusal("nobody", "https://203.0.113.10/notify")).hasValueSatisfying(
                reason -> assertThat(reason).contains("unknown receiver"));
        assertThat(strict.refusal("shop", "http://127.0.0.1/notify")).hasValueSatisfying(
                reason -> assertThat(reason).contains("private or loopback"));
        assertThat(receivers(List.of(SPEC_SECRET), true).refusal("shop", "http://127.0.0.1/notify")).isEmpty();
    }

    @Test
    void refusesToStartWithAReceiverThatHasNoSecret() {
        var registration = new ReceiverProperties.Registration(List.of(), List.of("https://203.0.113.10/notify"),
                AckRule.SUCCESS_BODY, List.of(Duration.ofMinutes(1)), Duration.ofDays(5));

        assertThatThrownBy(() -> new RegisteredReceivers(new ReceiverProperties(Map.of("shop", registration), false)))
                .hasMessageContaining("gateway.receivers.shop");
    }

    private static RegisteredReceivers receivers(List<String> secrets, boolean allowPrivate) {
        var registration = new ReceiverProperties.Registration(secrets,
                List.of("https://203.0.113.10/notify", "http://127.0.0.1/notify"), AckRule.SUCCESS_BODY,
                List.of(Duration.ofMinutes(1)), Duration.ofDays(5));
        return new RegisteredReceivers(new ReceiverProperties(Map.of("shop", registration), allowPrivate));
    }
}
