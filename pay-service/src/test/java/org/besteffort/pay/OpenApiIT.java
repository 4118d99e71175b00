package org.besteffort.pay;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import org.besteffort.local.infra.OpenApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of pay-service, in the local profile (so that the fault switches are there too): valid OpenAPI
 * 3, every API endpoint (the cashier's pages are none) in one of its groups, {@code /paydo} with its examples and its problems, Swagger UI up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class OpenApiIT extends PayServiceITSupport {

    @Test
    void describesEveryControllerEndpointInValidOpenApi3(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
        assertThat(OpenApiDocument.operationsOf(http(), "api", "ops")).containsAll(OpenApiDocument.endpoints(mapping, "org.besteffort"))
                .contains("POST /paydo", "GET /payresult/{txNo}", "GET /statements", "GET /ops/journal",
                        "POST /ops/faults");
    }

    @Test
    void showsAPayAReplayADeclinedPayAndEachProblemOfPaydo() {
        OpenApiDocument api = OpenApiDocument.read(http().get("/v3/api-docs/api").body());
        Operation paydo = api.api().getPaths().get("/paydo").getPost();

        assertThat(paydo.getRequestBody().getContent().get("application/json").getExamples())
                .containsKeys("a pay", "a pay the simulated bank declines");
        assertThat(paydo.getResponses().get("200").getContent().get("*/*").getExamples())
                .containsKeys("recorded (or replayed)", "declined");
        for (String status : new String[] {"400", "409", "503"}) {
            MediaType problem = paydo.getResponses().get(status).getContent().get("application/problem+json");
            assertThat(problem).as(status).isNotNull();
            assertThat(problem.getSchema().get$ref()).as(status).endsWith("/ProblemDetail");
            assertThat(problem.getExamples()).as(status).hasSize(1);
        }
    }

    @Test
    void documentsTheDatabaseOutage503OnEveryOperationAndTheProblemsOfTheOtherEndpoints() {
        for (String group : new String[] {"api", "ops"}) {
            OpenApiDocument document = OpenApiDocument.read(http().get("/v3/api-docs/" + group).body());
            document.api().getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                    assertThat(operation.getResponses()).as(group + " " + path).containsKey("503")));
        }
        OpenApiDocument api = OpenApiDocument.read(http().get("/v3/api-docs/api").body());
        assertThat(api.api().getPaths().get("/payresult/{txNo}").getGet().getResponses().get("503")
                .getHeaders()).containsKey("Retry-After");
        assertThat(api.api().getPaths().get("/statements").getGet().getResponses().get("400").getContent()
                .get("application/problem+json").getExamples()).containsKey("limit out of range");
    }

    @Test
    void servesSwaggerUi() {
        var page = http().get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(http().get("/v3/api-docs/swagger-config").body()).contains("/v3/api-docs/api", "/v3/api-docs/ops");
    }
}
