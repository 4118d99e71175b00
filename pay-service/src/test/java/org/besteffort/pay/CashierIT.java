package org.besteffort.pay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cashier over the real broker and database: a browser's GET and form POST, what is recorded and announced, and
 * what is refused before anything is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CashierIT extends PayServiceITSupport {

    static final String NOTIFY_URL = "https://203.0.113.10/notify";
    static final String RETURN_BASE = "http://127.0.0.1:8082/checkout/orders/";

    static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        // A public IP literal as the notify URL: the address rule looks nothing up, private addresses stay refused.
        registry.add("pay.receivers.bank1.notify-urls[0]", () -> NOTIFY_URL);
        registry.add("pay.receivers.bank1.return-urls[0]", () -> RETURN_BASE);
    }

    @Test
    void showsTheOrderPaysItOnceAndSendsTheBrowserBackWithTheResult() {
        String txNo = newTxNo();
        Map<String, String> order = order(txNo, "100");

        var page = get(order);
        var paid = post(order);
        var clickedTwice = post(order);
        var pageAfterwards = get(order);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-test=\"cashier-amount\">100.00<").contains("data-test=\"cashier-pay\"");
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location"))
                .hasValue(RETURN_BASE + txNo + "?txNo=" + txNo + "&result=SUCCESS");
        assertThat(clickedTwice.statusCode()).isEqualTo(303);
        assertThat(clickedTwice.headers().firstValue("Location")).isEqualTo(paid.headers().firstValue("Location"));
        assertThat(pageAfterwards.body()).contains("data-test=\"cashier-paid\"").doesNotContain("cashier-pay");
        assertThat(jdbc.queryForMap("SELECT account_no, pay_amount, result, receiver_id, notify_url FROM account_pay"
                + " WHERE tx_no = ?", txNo))
                .containsEntry("account_no", "1").containsEntry("result", "SUCCESS")
                .containsEntry("receiver_id", "bank1").containsEntry("notify_url", NOTIFY_URL);
        assertThat(rows(txNo)).isEqualTo(1);
        var announced = observer.awaitMessage(txNo);
        assertThat(announced.amount()).isEqualByComparingTo("100.00");
        assertThat(announced.notifyUrl()).isEqualTo(NOTIFY_URL);
        assertThat(observer.countSent(txNo)).isEqualTo(1);
    }

    @Test
    void sendsTheBrowserBackWithFailWhenTheSimulatedBankDeclines() {
        String txNo = newTxNo();

        var declined = post(order(txNo, "10000.01"));

        assertThat(declined.statusCode()).isEqualTo(303);
        assertThat(declined.headers().firstValue("Location")).hasValue(RETURN_BASE + txNo + "?txNo=" + txNo
                + "&result=FAIL");
        assertThat(jdbc.queryForObject("SELECT result FROM account_pay WHERE tx_no = ?", String.class, txNo))
                .isEqualTo("FAIL");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another host's return URL   | returnUrl  | https://evil.example/checkout/orders/x | returnUrl
            a return URL beside the base | returnUrl  | http://127.0.0.1:8082/accounts/1       | returnUrl
            an unregistered notify URL  | notifyUrl  | https://203.0.113.99/notify            | notifyUrl
            an unregistered receiver    | receiverId | shop-9                                 | receiverId
            no notify URL               | notifyUrl  | ''                                     | notifyUrl
            an amount above the maximum | amount     | 1000000.01                             | payAmount
            """)
    void refusesWhatPaydoRefusesAndAnUnregisteredReturnUrlAndWritesNothing(String name, String field, String value,
                                                                         String namedField) {
        String txNo = newTxNo();
        Map<String, String> order = order(txNo, "5.00");
        order.put(field, value);

        var shown = get(order);
        var paid = post(order);

        for (HttpResponse<String> refused : List.of(shown, paid)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"" + namedField + "\"");
            assertThat(refused.headers().firstValue("Location")).isEmpty();
        }
        assertThat(rows(txNo)).isZero();
    }

    private Map<String, String> order(String txNo, String amount) {
        Map<String, String> order = new LinkedHashMap<>();
        order.put("txNo", txNo);
        order.put("accountNo", "1");
        order.put("amount", amount);
        order.put("receiverId", "bank1");
        order.put("notifyUrl", NOTIFY_URL);
        order.put("returnUrl", RETURN_BASE + txNo);
        return order;
    }

    private HttpResponse<String> get(Map<String, String> order) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cashier?" + form(order)))
                .header("Accept", "text/html").GET());
    }

    /** The cashier's form as a browser posts it. */
    private HttpResponse<String> post(Map<String, String> order) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cashier"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(order))));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return BROWSER.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long rows(String txNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_pay WHERE tx_no = ?", Long.class, txNo);
    }

    private static String newTxNo() {
        return "cashier-" + UUID.randomUUID();
    }
}
