package org.besteffort.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayResultNotificationTests {

    private static final Instant PAID_AT = Instant.parse("2026-11-30T12:00:00.123Z");

    @Test
    void carriesThePayResultOfTheMessageToTheReceiverNamedInIt() {
        var message = PayResultMessage.of("tx-1", "1", new BigDecimal("100.10"), PayResult.SUCCESS, PAID_AT,
                "bank1", "http://127.0.0.1:8082/notify/pay-result");

        var notification = PayResultNotification.fromJson(PayResultNotification.of(message).toJson());

        assertThat(notification.type()).isEqualTo("pay.result");
        assertThat(notification.receiverId()).isEqualTo("bank1");
        assertThat(notification.amount()).isEqualByComparingTo("100.10").hasToString("100.10");
        assertThat(notification.toMessage()).isEqualTo(PayResultMessage.of("tx-1", "1", new BigDecimal("100.10"),
                PayResult.SUCCESS, PAID_AT));
    }

    @Test
    void writesTheAmountAsAPlainDecimal() {
        var message = PayResultMessage.of("tx-2", "1", new BigDecimal("1E+2").setScale(2), PayResult.FAIL, PAID_AT,
                "bank1", "http://x/");

        assertThat(PayResultNotification.of(message).toJson()).contains("\"amount\":100.00");
    }

    @Test
    void refusesAnIncompleteNotification() {
        assertThatThrownBy(() -> PayResultNotification.fromJson("{\"type\":\"pay.result\",\"txNo\":\"t\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayResultNotification.fromJson("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageWithoutReceiverWantsNoHttpNotify() {
        var plain = PayResultMessage.of("tx-3", "1", BigDecimal.TEN, PayResult.SUCCESS, PAID_AT);

        assertThat(plain.wantsHttpNotify()).isFalse();
        assertThat(PayResultMessage.fromJson(plain.toJson())).isEqualTo(plain);
        assertThat(new String(plain.toJson())).doesNotContain("wantsHttpNotify");
    }
}
