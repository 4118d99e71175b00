package org.besteffort.notify.operator;

/** The ProblemDetail bodies of the OpenAPI document's operator API. */
final class OperatorExamples {

    static final String NOT_RECOGNISED = """
            {"type":"about:blank","title":"Not authenticated","status":401,
             "detail":"/operator/tasks needs a key. Send 'Authorization: Bearer <key>' with a receiver's API key or an operator's token.",
             "instance":"/operator/tasks"}""";

    static final String TASK_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"No notification task 999999999",
             "instance":"/operator/tasks/999999999"}""";

    static final String ENDPOINT_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"No endpoint 42",
             "instance":"/operator/endpoints/42/disable"}""";

    static final String RECEIVER_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"No registered receiver shop9",
             "instance":"/operator/receivers/shop9/recover"}""";

    static final String INVALID_WINDOW = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"until (2026-12-01T07:00:00Z) must be after since (2026-12-01T08:00:00Z)",
             "instance":"/operator/receivers/bank1/recover"}""";

    static final String LIMIT_OUT_OF_RANGE = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"tasks.limit: must be less than or equal to 500","instance":"/operator/tasks"}""";

    private OperatorExamples() {
    }
}
