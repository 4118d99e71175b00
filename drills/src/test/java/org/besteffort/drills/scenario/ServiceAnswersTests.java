package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAnswersTests {

    @Test
    void readsTheDetailOfAProblem() {
        Reply conflict = new Reply(409, """
                {"detail":"txNo demo-1 is already used by a pay with another account or amount","status":409}""");

        assertThat(conflict.detail()).isEqualTo("txNo demo-1 is already used by a pay with another account or amount");
        assertThat(new Reply(502, "Bad Gateway\n").detail()).isEqualTo("Bad Gateway");
    }

    @Test
    void readsARechargeAsAccountServiceAnswersIt() {
        RechargeView recharge = new Reply(200, """
                {"txNo":"t","accountNo":"1","amount":50.00,"status":"SETTLED","settledBy":"MESSAGE",
                 "settledAttempt":1,"origin":"STARTED_HERE","reconciliationQueries":0,
                 "createdAt":"2026-11-21T06:29:25.236Z","updatedAt":"2026-11-21T06:29:25.828Z"}""")
                .as(RechargeView.class);

        assertThat(recharge.amount()).isEqualTo(new BigDecimal("50.00"));
        assertThat(recharge.outcome()).isEqualTo("SETTLED by MESSAGE on delivery 1");
        assertThat(Timeline.human(recharge.recordedToUpdated())).isEqualTo("592 ms");
    }

    @Test
    void refusesToGoOnFromAnUnexpectedStatus() {
        assertThatThrownBy(() -> new Reply(400, "{\"detail\":\"Invalid pay request\"}").expect(200, "POST /paydo"))
                .isInstanceOf(UnexpectedAnswer.class)
                .hasMessage("POST /paydo answered 400 instead of 200: Invalid pay request");
    }

    @Test
    void tellsHowABalanceMoved() {
        AccountView before = new AccountView("1", "Zhang San", new BigDecimal("150.00"));
        AccountView after = new AccountView("1", "Zhang San", new BigDecimal("215.00"));

        assertThat(after.balanceLine(before)).isEqualTo("balance of account 1: 215.00 (+65.00)");
    }
}
