package org.besteffort.edge;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.ProblemDetail;

import java.util.Map;

/**
 * Adds the 503 of {@link DatabaseUnavailableProblems} to every operation of every group of the service's OpenAPI
 * document that does not describe a 503 of its own: any request may find the database gone.
 */
class DatabaseUnavailableDocumentation implements GlobalOpenApiCustomizer {

    static final String EXAMPLE = """
            {"type":"about:blank","title":"Database unavailable","status":503,
             "detail":"The database cannot be reached. Send the same request again in 5 seconds: it is applied at \
            most once.","instance":"/paydo"}""";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        // A group whose own operations name no ProblemDetail (the ops group) gets the schema the 503 refers to.
        ModelConverters.getInstance().readAll(ProblemDetail.class).forEach((name, schema) -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            if (openApi.getComponents().getSchemas() == null || !openApi.getComponents().getSchemas().containsKey(name)) {
                openApi.getComponents().addSchemas(name, schema);
            }
        });
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey("503")) {
                operation.getResponses().addApiResponse("503", response());
            }
        }));
    }

    private static ApiResponse response() {
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))
                .examples(Map.of("database unavailable", new Example().value(EXAMPLE)));
        return new ApiResponse()
                .description("The database cannot be reached (within the pool's 1 s): nothing written, or a commit "
                        + "whose outcome is unknown; send the same request again after Retry-After seconds")
                .addHeaderObject("Retry-After", new Header().description("seconds to wait")
                        .schema(new Schema<Integer>().type("integer")))
                .content(new Content().addMediaType("application/problem+json", problem));
    }
}
