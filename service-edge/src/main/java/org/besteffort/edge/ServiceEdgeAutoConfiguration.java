package org.besteffort.edge;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Registers what every service's HTTP edge shares; see the package. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceEdgeAutoConfiguration {

    @Bean
    DatabaseUnavailableProblems databaseUnavailableProblems() {
        return new DatabaseUnavailableProblems();
    }

    @Bean
    RequestLimitProblems requestLimitProblems() {
        return new RequestLimitProblems();
    }

    /** {@code edge.max-request-body}: the largest request body a service reads (64 KB unless set). */
    @Bean
    RequestBodyLimit requestBodyLimit(@Value("${edge.max-request-body:64KB}") DataSize limit,
                                      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return new RequestBodyLimit(limit, problems);
    }

    /** Tomcat's own error pages, for what never reached Spring, as ProblemDetails too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    static class ContainerErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailErrorPages() {
            return new ProblemDetailErrorPages();
        }
    }

    /** Only where springdoc builds an OpenAPI document. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
    static class Documentation {

        @Bean
        DatabaseUnavailableDocumentation databaseUnavailableDocumentation() {
            return new DatabaseUnavailableDocumentation();
        }
    }
}
