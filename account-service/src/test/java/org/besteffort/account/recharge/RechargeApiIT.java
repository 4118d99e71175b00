package org.besteffort.account.recharge;

import org.besteffort.account.AccountServiceITSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What account-service's HTTP API refuses, and that a refusal writes nothing.
 */
class RechargeApiIT extends AccountServiceITSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative amount     | {"accountNo":"1","amount":-1}            | amount
            zero amount         | {"accountNo":"1","amount":0}             | amount
            three decimals      | {"accountNo":"1","amount":0.001}         | amount
            above the maximum   | {"accountNo":"1","amount":1000000.01}    | amount
            missing amount      | {"accountNo":"1"}                        | amount
            missing account     | {"amount":10}                            | accountNo
            malformed account   | {"accountNo":"1 OR 1=1","amount":10}     | accountNo
            """)
    void refusesBadInputWithAProblemAndWritesNothing(String name, String body, String field) {
        long before = recharges();

        var response = accountService().postJson("/recharges", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getJSONObject("errors").keySet()).contains(field);
        assertThat(recharges()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON at all      | amount=10
            truncated JSON       | {"accountNo":"1","amount":
            amount not a number  | {"accountNo":"1","amount":"ten"}
            """)
    void refusesMalformedJsonWithAProblemAndWritesNothing(String name, String body) {
        long before = recharges();

        var response = accountService().postJson("/recharges", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(recharges()).isEqualTo(before);
    }

    @Test
    void refusesARechargeOfAnUnknownAccountWith404AndWritesNothing() {
        long before = recharges();

        var response = accountService().postJson("/recharges", "{\"accountNo\":\"404404\",\"amount\":10}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().getString("detail")).contains("404404");
        assertThat(recharges()).isEqualTo(before);
    }

    @Test
    void showsABalanceAndAnswers404ForUnknownAccountsAndRecharges() {
        var known = accountService().get("/accounts/1");
        var unknownAccount = accountService().get("/accounts/404404");
        var unknownRecharge = accountService().get("/recharges/never-started");

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().getString("accountName")).isEqualTo("张三");
        assertThat(known.json().getBigDecimal("accountBalance")).isNotNull();
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(unknownAccount.isProblem()).isTrue();
        assertThat(unknownRecharge.status()).isEqualTo(404);
        assertThat(unknownRecharge.isProblem()).isTrue();
    }

    @Test
    void reportsTheDatabaseAndTheBrokerInItsHealth() {
        var health = accountService().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getJSONObject("components").getJSONObject("db").getString("status")).isEqualTo("UP");
        assertThat(health.json().getJSONObject("components").getJSONObject("rocketmq").getString("status"))
                .isEqualTo("UP");
    }

    @Test
    void measuresHowLongAPayTakesFromCommitToCredit() {
        var response = accountService().postJson("/recharges", "{\"accountNo\":\"5\",\"amount\":1.00}");
        String txNo = response.json().getString("txNo");
        outcomes.await(txNo, 1);

        var latency = accountService().get("/actuator/metrics/notify.settle.latency");
        var applied = accountService().get("/actuator/metrics/notify.applied?tag=outcome:CREDITED");

        assertThat(latency.status()).isEqualTo(200);
        assertThat(latency.json().getJSONArray("measurements").getJSONObject(0).getDoubleValue("value"))
                .isGreaterThanOrEqualTo(1);
        assertThat(applied.json().getJSONArray("measurements").getJSONObject(0).getDoubleValue("value"))
                .isGreaterThanOrEqualTo(1);
    }

    private long recharges() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_recharge", Long.class);
    }
}
