package org.besteffort.pay.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the cashier may send a payer back: below a base the receiver registered, compared as parsed URLs.
 */
class ReturnUrlsTests {

    private static final String BASE = "http://127.0.0.1:8082/checkout/orders/";

    private final ReturnUrls returnUrls = new ReturnUrls(new PayProperties(new BigDecimal("1000000.00"),
            new BigDecimal("10000.00"), Map.of(
                    "bank1", new PayProperties.Receiver(List.of(), List.of(BASE, "https://shop.example/back/")),
                    "shop-2", new PayProperties.Receiver(List.of(), List.of("https://198.51.100.20/orders/"))),
            true, "bank1"));

    @Test
    void passesAUrlBelowARegisteredBase() {
        assertThat(returnUrls.check("bank1", BASE + "tx-1")).hasToString(BASE + "tx-1");
        assertThat(returnUrls.check("bank1", "https://SHOP.example:443/back/tx-1?lang=en"))
                .hasToString("https://SHOP.example:443/back/tx-1?lang=en");
    }

    @Test
    void answersTheUrlWithDotSegmentsResolved() {
        assertThat(returnUrls.check("bank1", BASE + "a/../tx-1")).hasToString(BASE + "tx-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/checkout/orders/tx-1",         // another host
            "http://127.0.0.1:8083/checkout/orders/tx-1",        // another port
            "https://127.0.0.1:8082/checkout/orders/tx-1",       // another scheme
            "http://127.0.0.1:8082/checkout/order/tx-1",         // beside the base, not below it
            "http://127.0.0.1:8082/checkout/orders/../../admin", // climbs out of it
            "http://127.0.0.1:8082@evil.example/checkout/orders/tx-1", // the base's authority as user info
            "http://127.0.0.1:8082/checkout/orders/tx-1#x",      // a fragment
            "//127.0.0.1:8082/checkout/orders/tx-1",             // no scheme
            "javascript:alert(1)//127.0.0.1:8082/checkout/orders/",
            "http://127.0.0.1:8082/checkout/orders/a b",          // not a URL at all
            "http://127.0.0.1:8082/checkout/orders/\u00e9",       // not ASCII: could not be sent back as it is
            "http://127.0.0.1:8082/checkout/orders/%2e%2e/%2E%2E/admin", // a ".." the browser would resolve
            "https://198.51.100.20/orders/tx-1"})                // another receiver's
    void refusesAnythingElse(String returnUrl) {
        assertThatThrownBy(() -> returnUrls.check("bank1", returnUrl)).isInstanceOf(ReturnUrlNotAllowed.class);
    }

    @Test
    void namesWhatIsWrongWithTheField() {
        assertThatThrownBy(() -> returnUrls.check("bank1", "https://evil.example/checkout/orders/tx-1"))
                .isInstanceOfSatisfying(ReturnUrlNotAllowed.class, e -> assertThat(e.reason())
                        .isEqualTo("is not below a return URL receiver bank1 registered"));
    }

    @Test
    void refusesAReceiverNobodyRegistered() {
        assertThatThrownBy(() -> returnUrls.check("shop-9", BASE + "tx-1")).isInstanceOf(ReceiverNotRegistered.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8082", "http://127.0.0.1:8082/checkout", "/checkout/orders/",
            "ftp://127.0.0.1/orders/", "http://127.0.0.1:8082/orders/?x=1"})
    void refusesToStartWithABaseAPrefixCouldNotKeepOnItsHost(String base) {
        assertThatThrownBy(() -> new PayProperties.Receiver(List.of(), List.of(base)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an absolute http(s) URL whose path ends in '/'");
    }
}
