package org.besteffort.account;

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
}
