package org.besteffort.pay.payment;

/**
 * The examples of the OpenAPI document's {@code /paydo} and {@code /payresult}: what a tester pastes into Swagger UI.
 */
final class PaymentExamples {

    static final String PAY = """
            {"accountNo":"1","payAmount":"100.00","txNo":"tx-20261201-0001"}""";

    static final String PAY_NOTIFYING_A_RECEIVER = """
            {"accountNo":"1","payAmount":"35.00","txNo":"tx-20261201-0002","receiverId":"bank1",
             "notifyUrl":"http://127.0.0.1:8082/notify/pay-result"}""";

    static final String PAY_ABOVE_THE_BANKS_LIMIT = """
            {"accountNo":"2","payAmount":"20000.00","txNo":"tx-20261201-0003"}""";

    static final String RECORDED = """
            {"txNo":"tx-20261201-0001","accountNo":"1","payAmount":100.00,"result":"SUCCESS",
             "paidAt":"2026-12-01T08:00:00.123Z","receiverId":null,"notifyUrl":null}""";

    static final String DECLINED = """
            {"txNo":"tx-20261201-0003","accountNo":"2","payAmount":20000.00,"result":"FAIL",
             "paidAt":"2026-12-01T08:00:01.456Z","receiverId":null,"notifyUrl":null}""";

    static final String INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid pay request",
             "instance":"/paydo","errors":{"payAmount":"must be greater than 0"}}""";

    static final String TX_NO_TAKEN = """
            {"type":"about:blank","title":"Conflict","status":409,
             "detail":"txNo tx-20261201-0001 is already used by a pay with another account, amount or notify target",
             "instance":"/paydo"}""";

    static final String NOT_RECORDED = """
            {"type":"about:blank","title":"Pay not recorded","status":503,
             "detail":"pay tx-20261201-0001 was not recorded: the broker did not take its half message; nothing was \
            written, send the same request again later","instance":"/paydo"}""";

    static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no pay with txNo tx-unknown",
             "instance":"/payresult/tx-unknown"}""";

    private PaymentExamples() {
    }
}
