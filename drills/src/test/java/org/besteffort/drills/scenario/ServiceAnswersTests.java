package org.besteffort.drills.scenario;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

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
    void readsAGatewayTaskWithItsAttemptsAsTheOperatorApiAnswersIt() {
        NotifyTaskDetailView detail = new Reply(200, """
                {"task":{"id":7,"txNo":"t","receiverId":"bank1","endpointId":1,"webhookId":"pay_t","status":"SUCCEEDED",
                  "attempts":2,"nextAttemptAt":"2026-11-21T06:30:02.100Z","lastStatus":200,"lastError":null,
                  "paidAt":"2026-11-21T06:30:00Z","createdAt":"2026-11-21T06:30:00.050Z","updatedAt":"2026-11-21T06:30:02.120Z",
                  "succeededAt":"2026-11-21T06:30:02.120Z"},
                 "notifyUrl":"http://127.0.0.1:8082/notify/pay-result","payload":"{}",
                 "attempts":[{"id":1,"taskId":7,"attemptNo":1,"startedAt":"2026-11-21T06:30:00.080Z","latencyMs":3,
                   "httpStatus":503,"outcome":"THROTTLED","responseExcerpt":"down (fault switch)","error":"503"},
                  {"id":2,"taskId":7,"attemptNo":2,"startedAt":"2026-11-21T06:30:02.100Z","latencyMs":11,
                   "httpStatus":200,"outcome":"ACKED","responseExcerpt":"success","error":null}],
                 "endpoint":{"id":1,"receiverId":"bank1","status":"ENABLED"}}""").as(NotifyTaskDetailView.class);

        assertThat(detail.task().status()).isEqualTo(NotifyTaskView.Status.SUCCEEDED);
        assertThat(detail.attempts()).extracting(NotifyAttemptView::describe).containsExactly(
                "503 THROTTLED in 3 ms: \"down (fault switch)\"", "200 ACKED in 11 ms: \"success\"");
        assertThat(new Reply(200, "[{\"id\":7,\"txNo\":\"t\",\"status\":\"PENDING\",\"attempts\":0}]")
                .asListOf(NotifyTaskView.class)).extracting(NotifyTaskView::txNo).containsExactly("t");
    }

    @Test
    void tellsAnAttemptThatGotNoAnswer() {
        var refused = new NotifyAttemptView(1, Instant.parse("2026-11-21T06:30:00Z"), 2, null,
                NotifyAttemptView.Outcome.UNREACHABLE, null, "ConnectException");

        assertThat(refused.describe()).isEqualTo("no answer (ConnectException) after 2 ms, UNREACHABLE");
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
