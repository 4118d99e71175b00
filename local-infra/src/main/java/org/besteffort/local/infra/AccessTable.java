package org.besteffort.local.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of who may call what: each row a request and the status each caller must get, run against a service.
 * Every refusal (4xx and 5xx) must also be a ProblemDetail.
 */
public final class AccessTable {

    private record Row(String endpoint, String method, String path, String body, int[] statuses) {
    }

    private final Map<String, TestHttp> callers;
    private final List<Row> rows = new ArrayList<>();

    /** @param callers the columns, in order: each caller's name and the client that calls as it */
    public AccessTable(Map<String, TestHttp> callers) {
        this.callers = new LinkedHashMap<>(callers);
    }

    /** The four columns of the project's access tests: anonymous, receiver A, receiver B, operator, by their keys. */
    public static AccessTable anonymousReceiversOperator(TestHttp service, String receiverA, String receiverB,
                                                         String operator) {
        Map<String, TestHttp> callers = new LinkedHashMap<>();
        callers.put("anonymous", service.withBearer(null));
        callers.put("receiver A", service.withBearer(receiverA));
        callers.put("receiver B", service.withBearer(receiverB));
        callers.put("operator", service.withBearer(operator));
        return new AccessTable(callers);
    }

    /**
     * A row: {@code endpoint} names it as the service maps it ({@code "GET /accounts/{accountNo}"}), {@code path} is
     * what is called; one status per caller, in the callers' order. {@code body} is posted as JSON; null: a GET.
     */
    public AccessTable row(String endpoint, String path, String body, int... statuses) {
        if (statuses.length != callers.size()) {
            throw new IllegalArgumentException(endpoint + ": " + statuses.length + " statuses for " + callers.size()
                    + " callers");
        }
        rows.add(new Row(endpoint, body == null ? "GET" : "POST", path, body, statuses));
        return this;
    }

    /** Of these endpoints (what the service maps), the ones no row names: each must be given its row. */
    public List<String> unlisted(Collection<String> endpoints) {
        List<String> named = rows.stream().map(Row::endpoint).toList();
        return endpoints.stream().filter(endpoint -> !named.contains(endpoint)).toList();
    }

    /** Calls every row as every caller; what differs from the table, one line each (empty: all as expected). */
    public List<String> mismatches() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            int column = 0;
            for (Map.Entry<String, TestHttp> caller : callers.entrySet()) {
                int expected = row.statuses()[column++];
                var answer = row.body() == null ? caller.getValue().get(row.path())
                        : caller.getValue().postJson(row.path(), row.body());
                String call = row.method() + " " + row.path() + " as " + caller.getKey() + ": ";
                if (answer.status() != expected) {
                    wrong.add(call + answer.status() + " instead of " + expected + " " + answer.body());
                } else if (expected >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(call + expected + " but not a ProblemDetail (" + answer.contentType() + ")");
                }
            }
        }
        return wrong;
    }
}
