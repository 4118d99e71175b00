package org.besteffort.edge;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers what every service's HTTP edge shares; see the package. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceEdgeAutoConfiguration {

    @Bean
    DatabaseUnavailableProblems databaseUnavailableProblems() {
        return new DatabaseUnavailableProblems();
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
