package org.besteffort.account.checkout;

import org.besteffort.account.AccountServiceITSupport;
import org.besteffort.account.receiver.ApplyOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alipay's computer website pay with plain HTTP, over the real broker, database and pay-service: the checkout form,
 * the provider's cashier, the return to the order page, and the signed result that settles the recharge once.
 */
class CheckoutFlowIT extends AccountServiceITSupport {

    /** Where pay-service's local profile lets the cashier send a payer back, and this service's checkout.public-url. */
    private static final String RETURN_BASE = "http://127.0.0.1:8082/checkout/orders/";

    @Test
    void paysAtTheCashierReturnsToTheOrderPageAndCreditsTheBalanceOnce() {
        String accountNo = newAccount();

        // 1. The merchant's checkout form: a pending recharge, and the browser sent to the provider's cashier.
        var checkout = Browser.postForm(accountService().baseUrl() + "/checkout",
                Map.of("accountNo", accountNo, "amount", "100.00"));
        assertThat(checkout.statusCode()).isEqualTo(303);
        String cashierUrl = Browser.location(checkout);
        assertThat(cashierUrl).startsWith(payService().url() + "/cashier?");
        Map<String, String> order = Browser.query(cashierUrl);
        String txNo = order.get("txNo");
        assertThat(order).containsEntry("accountNo", accountNo).containsEntry("amount", "100.00")
                .containsEntry("receiverId", "bank1")
                .containsEntry("notifyUrl", "http://127.0.0.1:8082/notify/pay-result")
                .containsEntry("returnUrl", RETURN_BASE + txNo);
        assertThat(recharge(txNo)).containsEntry("status", "PENDING").containsEntry("origin", "STARTED_HERE");

        // 2. The cashier shows the order.
        var cashier = Browser.get(cashierUrl);
        assertThat(cashier.statusCode()).isEqualTo(200);
        assertThat(cashier.body()).contains("data-test=\"cashier-amount\">100.00<");

        // 3. The payer pays: back to the return URL with the unsigned result.
        var paid = Browser.postForm(payService().url() + "/cashier", order);
        assertThat(paid.statusCode()).isEqualTo(303);
        String returnUrl = Browser.location(paid);
        assertThat(returnUrl).isEqualTo(RETURN_BASE + txNo + "?txNo=" + txNo + "&result=SUCCESS");

        // 4. The order page (asked of this instance, whose port is not the public one) shows, but does not believe it.
        var orderPage = Browser.get(accountService().baseUrl() + Browser.pathAndQuery(returnUrl));
        assertThat(orderPage.statusCode()).isEqualTo(200);
        assertThat(orderPage.body()).containsPattern("data-test=\"order-status\"[^>]*>(pending|success)<")
                .contains("data-test=\"return-result\"").contains("<strong>SUCCESS</strong> — not trusted");

        // 5. The signed result settles it, once.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recharge(txNo)).containsEntry("status", "SETTLED"));
        assertThat(balance(accountNo)).isEqualByComparingTo("100.00");
        assertThat(deduplicationRows(txNo)).isEqualTo(1);
        assertThat(outcomes.outcomes(txNo)).containsOnlyOnce(ApplyOutcome.CREDITED);
        assertThat(Browser.get(accountService().baseUrl() + "/checkout/orders/" + txNo).body())
                .containsPattern("data-test=\"order-status\"[^>]*>success<")
                .containsPattern("data-test=\"order-settled-by\">(MESSAGE|RECONCILIATION|NOTIFY)<");
    }

    @Test
    void tellsAnOpenOrderPageSuccessWhenTheRechargeSettles() {
        String accountNo = newAccount();
        String cashierUrl = Browser.location(Browser.postForm(accountService().baseUrl() + "/checkout",
                Map.of("accountNo", accountNo, "amount", "7.50")));
        Map<String, String> order = Browser.query(cashierUrl);
        String txNo = order.get("txNo");

        var stream = Browser.listen(accountService().baseUrl() + "/checkout/orders/" + txNo + "/events");
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.data().stream().anyMatch(
                data -> data.contains("\"status\":\"pending\"")));
        assertThat(Browser.postForm(payService().url() + "/cashier", order).statusCode()).isEqualTo(303);

        await().atMost(Duration.ofSeconds(30)).until(() -> stream.data().stream().anyMatch(
                data -> data.contains("\"status\":\"success\"")));
        await().atMost(Duration.ofSeconds(5)).until(stream::ended);
        assertThat(stream.response().join().statusCode()).isEqualTo(200);
        assertThat(stream.response().join().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(stream.data().get(stream.data().size() - 1)).contains("\"txNo\":\"" + txNo + "\"")
                .containsPattern("\"settledBy\":\"(MESSAGE|RECONCILIATION|NOTIFY)\"");
        assertThat(balance(accountNo)).isEqualByComparingTo("7.50");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative amount   | 1      | -1
            three decimals    | 1      | 0.001
            above the maximum | 1      | 1000000.01
            not a number      | 1      | ten
            unknown account   | 404404 | 10
            """)
    void showsARefusedCheckoutAgainAndWritesNothing(String name, String accountNo, String amount) {
        long before = recharges();

        var refused = Browser.postForm(accountService().baseUrl() + "/checkout",
                Map.of("accountNo", accountNo, "amount", amount));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).contains("data-test=\"checkout-form\"").contains("class=\"error\"");
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(recharges()).isEqualTo(before);
    }

    @Test
    void theCashierRefusesAReturnUrlItsReceiverDidNotRegisterAndPaysNothing() {
        String accountNo = newAccount();
        Map<String, String> order = Browser.query(Browser.location(Browser.postForm(
                accountService().baseUrl() + "/checkout", Map.of("accountNo", accountNo, "amount", "5.00"))));
        String txNo = order.get("txNo");
        order.put("returnUrl", "https://evil.example/checkout/orders/" + txNo);

        var shown = Browser.get(payService().url() + "/cashier?" + Browser.form(order));
        var paid = Browser.postForm(payService().url() + "/cashier", order);

        for (HttpResponse<String> refused : List.of(shown, paid)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"returnUrl\"");
            assertThat(refused.headers().firstValue("Location")).isEmpty();
        }
        assertThat(payService().http().get("/payresult/" + txNo).status()).isEqualTo(404);
        assertThat(recharge(txNo)).containsEntry("status", "PENDING");
        assertThat(balance(accountNo)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void worksWhenTheConsoleOnAnotherOriginLinksToIt() {
        String console = "http://127.0.0.1:8080";

        var form = Browser.get(accountService().baseUrl() + "/checkout?accountNo=2", "Referer", console + "/",
                "Sec-Fetch-Site", "same-site");
        var started = Browser.postForm(accountService().baseUrl() + "/checkout",
                Map.of("accountNo", "2", "amount", "1.00"), "Origin", console, "Referer", console + "/");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<option value=\"2\" selected=\"selected\">");
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(Browser.location(started)).startsWith(payService().url() + "/cashier?");
    }

    private long recharges() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_recharge", Long.class);
    }
}
