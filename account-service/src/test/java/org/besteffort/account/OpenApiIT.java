package org.besteffort.account;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import org.besteffort.local.infra.OpenApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of account-service: valid OpenAPI 3, every API endpoint in one of its groups (the checkout's
 * browser pages are none), Swagger UI up.
 */
class OpenApiIT extends AccountServiceITSupport {

    @Test
    void describesEveryApiEndpointInValidOpenApi3(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        assertThat(OpenApiDocument.operationsOf(accountService(), "api", "ops"))
                .containsAll(OpenApiDocument.endpoints(mapping, "org.besteffort"))
                .contains("POST /recharges", "GET /recharges/{txNo}", "POST /notify/pay-result", "GET /dead-letters",
                        "POST /ops/faults", "GET /ops/journal");
        assertThat(accountService().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void showsARechargeAndTheProblemOfEachRefusal() {
        OpenApiDocument api = OpenApiDocument.read(accountService().get("/v3/api-docs/api").body());
        Operation start = api.api().getPaths().get("/recharges").getPost();

        assertThat(start.getResponses().get("202").getContent().get("*/*").getExamples()).containsKey("pending");
        for (String status : new String[] {"400", "404"}) {
            MediaType problem = start.getResponses().get(status).getContent().get("application/problem+json");
            assertThat(problem.getSchema().get$ref()).as(status).endsWith("/ProblemDetail");
            assertThat(problem.getExamples()).as(status).hasSize(1);
        }
    }

    @Test
    void showsTheProblemsOfTheNotifyUrlAndOfAnUnknownAccount() {
        OpenApiDocument api = OpenApiDocument.read(accountService().get("/v3/api-docs/api").body());
        Operation notify = api.api().getPaths().get("/notify/pay-result").getPost();

        assertThat(notify.getResponses().get("200").getContent().get("text/plain").getExamples())
                .containsKey("acknowledged");
        for (String status : new String[] {"400", "401", "422", "503"}) {
            MediaType problem = notify.getResponses().get(status).getContent().get("application/problem+json");
            assertThat(problem.getSchema().get$ref()).as(status).endsWith("/ProblemDetail");
            assertThat(problem.getExamples()).as(status).hasSize(1);
        }
        assertThat(api.api().getPaths().get("/accounts/{accountNo}").getGet().getResponses().get("404").getContent()
                .get("application/problem+json").getExamples()).containsKey("unknown account");
    }
}
