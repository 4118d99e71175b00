package org.besteffort.local.infra;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's OpenAPI document as the reference parser (swagger-parser) reads it, and the operations it describes
 * next to the ones the service really has: what the services' OpenAPI tests compare. Test support: the parser and
 * Spring MVC are optional dependencies of this module.
 */
public record OpenApiDocument(OpenAPI api) {

    /**
     * Parses the document.
     *
     * @throws AssertionError naming the parser's messages if it is not a valid OpenAPI 3 document
     */
    public static OpenApiDocument read(String json) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new AssertionError("not a valid OpenAPI 3 document: " + result.getMessages());
        }
        return new OpenApiDocument(result.getOpenAPI());
    }

    /**
     * Reads each group's document from a running service ({@code /v3/api-docs/<group>}); each must answer 200 and be
     * valid OpenAPI 3.
     *
     * @return the operations of all the groups together
     */
    public static Set<String> operationsOf(TestHttp service, String... groups) {
        Set<String> operations = new TreeSet<>();
        for (String group : groups) {
            TestHttp.Response response = service.get("/v3/api-docs/" + group);
            if (response.status() != 200) {
                throw new AssertionError("/v3/api-docs/" + group + " answered " + response.status());
            }
            OpenApiDocument document = read(response.body());
            if (!document.version().startsWith("3.")) {
                throw new AssertionError("/v3/api-docs/" + group + " is OpenAPI " + document.version());
            }
            operations.addAll(document.operations());
        }
        return operations;
    }

    /** Its operations, as {@code "GET /payresult/{txNo}"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                    .forEach(method -> operations.add(method.name() + " " + path)));
        }
        return operations;
    }

    /** The OpenAPI version the document declares, e.g. {@code 3.1.0}. */
    public String version() {
        return api.getOpenapi();
    }

    /**
     * The API endpoints a running service has, as {@code "POST /paydo"}: every handler method of a class in
     * {@code basePackage} that answers with a body (a {@code @RestController}, or {@code @ResponseBody}), one entry per
     * HTTP method it is mapped to (a mapping without one is listed as GET). Browser pages, handlers that render a
     * view, are left out: they are no API.
     */
    public static Set<String> endpoints(RequestMappingHandlerMapping mapping, String basePackage) {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handlerMethod = handler.getValue();
            boolean answersWithABody = AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), ResponseBody.class)
                    || handlerMethod.hasMethodAnnotation(ResponseBody.class);
            if (!handlerMethod.getBeanType().getName().startsWith(basePackage + ".") || !answersWithABody) {
                continue;
            }
            RequestMappingInfo info = handler.getKey();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add(PathItem.HttpMethod.GET.name());
            }
            for (String path : info.getPatternValues()) {
                methods.forEach(method -> endpoints.add(method + " " + path));
            }
        }
        return endpoints;
    }
}
