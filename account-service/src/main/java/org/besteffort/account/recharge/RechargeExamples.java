package org.besteffort.account.recharge;

/**
 * The examples of the OpenAPI document's {@code /recharges}: what a tester pastes into Swagger UI.
 */
final class RechargeExamples {

    static final String REQUEST = """
            {"accountNo":"1","amount":"50.00"}""";

    static final String STARTED = """
            {"txNo":"0b7c6f0e-5a1d-4f57-9a43-2f1c2a8e1d10","accountNo":"1","amount":50.00,"status":"PENDING",
             "settledBy":null,"settledAttempt":null,"origin":"STARTED_HERE","reconciliationQueries":0,
             "createdAt":"2026-12-01T08:00:00.000Z","updatedAt":"2026-12-01T08:00:00.000Z"}""";

    static final String SETTLED = """
            {"txNo":"0b7c6f0e-5a1d-4f57-9a43-2f1c2a8e1d10","accountNo":"1","amount":50.00,"status":"SETTLED",
             "settledBy":"MESSAGE","settledAttempt":1,"origin":"STARTED_HERE","reconciliationQueries":0,
             "createdAt":"2026-12-01T08:00:00.000Z","updatedAt":"2026-12-01T08:00:00.021Z"}""";

    static final String INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid request",
             "instance":"/recharges","errors":{"amount":"must be greater than 0"}}""";

    static final String NO_ACCOUNT = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no account with accountNo 999",
             "instance":"/recharges"}""";

    static final String NO_RECHARGE = """
            {"type":"about:blank","title":"Not Found","status":404,
             "detail":"no recharge with txNo 0b7c6f0e-5a1d-4f57-9a43-2f1c2a8e1d11",
             "instance":"/recharges/0b7c6f0e-5a1d-4f57-9a43-2f1c2a8e1d11"}""";

    private RechargeExamples() {
    }
}
