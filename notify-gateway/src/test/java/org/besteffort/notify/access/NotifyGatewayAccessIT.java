package org.besteffort.notify.access;

import org.besteffort.local.infra.AccessTable;
import org.besteffort.local.infra.OpenApiDocument;
import org.besteffort.local.infra.TestHttp;
import org.besteffort.notify.NotifyGatewayITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the notify gateway × {anonymous, receiver A, receiver B, operator}, outside the local profile,
 * from one table, on the other tests' context. Receivers never call the gateway (it calls them): their keys, known here
 * too (NotifyGatewayITSupport), get 403. The ids
 * are of no task or endpoint, so that an operator's row changes nothing.
 */
class NotifyGatewayAccessIT extends NotifyGatewayITSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Test
    void answersEachCallerAsTheTableSays() {
        TestHttp service = new TestHttp("http://127.0.0.1:" + port);
        AccessTable table = AccessTable.anonymousReceiversOperator(service, BANK1_KEY, SHOP2_KEY, OPERATOR_TOKEN)
                .row("GET /operator/tasks", "/operator/tasks?limit=1", null, 401, 403, 403, 200)
                .row("GET /operator/tasks/{id}", "/operator/tasks/999999999", null, 401, 403, 403, 404)
                .row("POST /operator/tasks/{id}/renotify", "/operator/tasks/999999999/renotify", "{}",
                        401, 403, 403, 404)
                .row("POST /operator/receivers/{receiverId}/recover", "/operator/receivers/nobody/recover",
                        "{\"since\":\"2026-01-01T00:00:00Z\"}", 401, 403, 403, 404)
                .row("GET /operator/endpoints", "/operator/endpoints", null, 401, 403, 403, 200)
                .row("POST /operator/endpoints/{id}/disable", "/operator/endpoints/999999999/disable", "{}",
                        401, 403, 403, 404)
                .row("POST /operator/endpoints/{id}/enable", "/operator/endpoints/999999999/enable", "{}",
                        401, 403, 403, 404)
                .row("GET /operator/actions", "/operator/actions", null, 401, 403, 403, 200)
                .row("GET /ops/journal", "/ops/journal?limit=1", null, 401, 403, 403, 200)
                .row("health", "/actuator/health", null, 200, 200, 200, 200)
                .row("metrics", "/actuator/metrics", null, 401, 403, 403, 200)
                .row("OpenAPI", "/v3/api-docs/operator", null, 200, 200, 200, 200)
                .row("a path nobody maps", "/nothing-here", null, 401, 403, 403, 403);

        assertThat(table.mismatches()).isEmpty();
        // Every endpoint the gateway maps has its row.
        assertThat(table.unlisted(OpenApiDocument.endpoints(mapping, "org.besteffort"))).isEmpty();
    }
}
