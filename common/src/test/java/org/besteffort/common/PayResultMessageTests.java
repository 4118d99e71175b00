package org.besteffort.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayResultMessageTests {

    private static final Instant PAID_AT = Instant.parse("2026-11-21T08:15:30.123Z");

    @Test
    void roundTripsEveryFieldExactly() {
        var message = PayResultMessage.of("tx-1", "1", new BigDecimal("0.10"), PayResult.SUCCESS, PAID_AT);

        var read = PayResultMessage.fromJson(message.toJson());

        assertThat(read).isEqualTo(message);
        assertThat(read.amount()).hasToString("0.10");
        assertThat(read.schemaVersion()).isEqualTo(PayResultMessage.SCHEMA_VERSION);
    }

    @Test
    void keepsAmountsThatBinaryFloatingPointCannotHold() {
        var amount = new BigDecimal("9999999999999999.99");
        var message = PayResultMessage.of("tx-2", "1", amount, PayResult.SUCCESS, PAID_AT);

        var json = new String(message.toJson(), StandardCharsets.UTF_8);

        assertThat(json).contains("9999999999999999.99");
        assertThat(PayResultMessage.fromJson(message.toJson()).amount()).isEqualByComparingTo(amount);
    }

    @Test
    void readsAmountsWrittenAsNumbersOrStringsWithoutDoubleRounding() {
        String json = """
                {"schemaVersion":1,"txNo":"tx-3","accountNo":"1","amount":0.30,"result":"FAIL",
                 "paidAt":"2026-11-21T08:15:30.123Z"}""";
        String quoted = json.replace("0.30", "\"0.30\"");

        assertThat(PayResultMessage.fromJson(json.getBytes(StandardCharsets.UTF_8)).amount()).hasToString("0.30");
        assertThat(PayResultMessage.fromJson(quoted.getBytes(StandardCharsets.UTF_8)).amount()).hasToString("0.30");
    }

    @Test
    void ignoresFieldsANewerNotifierAdds() {
        String json = """
                {"schemaVersion":2,"txNo":"tx-4","accountNo":"7","amount":"12.34","result":"SUCCESS",
                 "paidAt":"2026-11-21T08:15:30.123Z","currency":"CNY","channel":{"name":"alipay"}}""";

        var read = PayResultMessage.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertThat(read.txNo()).isEqualTo("tx-4");
        assertThat(read.schemaVersion()).isEqualTo(2);
        assertThat(read.amount()).isEqualByComparingTo("12.34");
        assertThat(read.paidAt()).isEqualTo(PAID_AT);
    }

    @Test
    void refusesAnUnreadableOrIncompleteBody() {
        assertThatThrownBy(() -> PayResultMessage.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayResultMessage.fromJson("{\"txNo\":\"tx-5\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayResultMessage.fromJson(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
