package org.besteffort.notify;

import org.besteffort.local.infra.OpenApiDocument;
import org.besteffort.local.infra.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of the notify gateway: valid OpenAPI 3, every endpoint of the operator's API and the journal in
 * it, Swagger UI up.
 */
class OpenApiIT extends NotifyGatewayITSupport {

    @Test
    void describesEveryEndpointInValidOpenApi3(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        TestHttp gateway = new TestHttp("http://127.0.0.1:" + port);

        assertThat(OpenApiDocument.operationsOf(gateway, "operator", "ops"))
                .containsAll(OpenApiDocument.endpoints(mapping, "org.besteffort"))
                .contains("GET /operator/tasks", "POST /operator/tasks/{id}/renotify",
                        "POST /operator/receivers/{receiverId}/recover", "GET /ops/journal");
        assertThat(gateway.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
