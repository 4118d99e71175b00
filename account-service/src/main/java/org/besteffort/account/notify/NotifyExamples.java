package org.besteffort.account.notify;

/** The examples of the OpenAPI document's notify URL, {@code POST /notify/pay-result}. */
final class NotifyExamples {

    static final String NOTIFICATION = """
            {"type":"pay.result","receiverId":"bank1","txNo":"tx-20261201-0002","accountNo":"1","amount":35.00,
             "result":"SUCCESS","paidAt":"2026-12-01T08:00:00.123Z"}""";

    static final String NOT_VERIFIED = """
            {"type":"about:blank","title":"Unauthorized","status":401,
             "detail":"notification signature not verified: no webhook-signature header",
             "instance":"/notify/pay-result"}""";

    static final String UNREADABLE = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"not a pay result notification: type refund.result","instance":"/notify/pay-result"}""";

    static final String REFUSED = """
            {"type":"about:blank","title":"Unprocessable Content","status":422,
             "detail":"notified amount 99.00 differs from recharge amount 35.00","instance":"/notify/pay-result",
             "txNo":"tx-20261201-0002"}""";

    private NotifyExamples() {
    }
}
