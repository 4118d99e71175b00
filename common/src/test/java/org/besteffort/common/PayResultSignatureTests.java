package org.besteffort.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PayResultSignatureTests {

    private final byte[] body = PayResultMessage.of("tx-1", "1", new BigDecimal("10.00"), PayResult.SUCCESS,
            Instant.parse("2026-11-21T08:00:00Z")).toJson();

    @Test
    void acceptsTheSignatureOfTheSameBodyAndSecret() {
        String signature = PayResultSignature.sign(body, "s3cret");

        assertThat(PayResultSignature.verify(body, signature, "s3cret")).isTrue();
    }

    @Test
    void refusesATamperedBodyAnotherSecretOrNoSignature() {
        String signature = PayResultSignature.sign(body, "s3cret");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("10.00", "1000.00")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(PayResultSignature.verify(tampered, signature, "s3cret")).isFalse();
        assertThat(PayResultSignature.verify(body, signature, "another")).isFalse();
        assertThat(PayResultSignature.verify(body, null, "s3cret")).isFalse();
        assertThat(PayResultSignature.verify(body, "not base64 at all", "s3cret")).isFalse();
    }
}
