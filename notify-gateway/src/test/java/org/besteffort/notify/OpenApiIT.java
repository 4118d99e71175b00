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

    @Test
    void showsTheProblemsOfTheOperatorsApi() {
        TestHttp gateway = new TestHttp("http://127.0.0.1:" + port);
        OpenApiDocument operator = OpenApiDocument.read(gateway.get("/v3/api-docs/operator").body());

        operator.api().getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                assertThat(operation.getResponses()).as(path).containsKeys("401", "503")));
        assertThat(operator.api().getPaths().get("/operator/tasks/{id}").getGet().getResponses().get("404")
                .getContent().get("application/problem+json").getExamples()).containsKey("unknown task");
        assertThat(operator.api().getPaths().get("/operator/receivers/{receiverId}/recover").getPost().getResponses())
                .containsKeys("400", "404");
    }
}
