package org.besteffort.edge;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers what every service's HTTP edge shares; see the package. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceEdgeAutoConfiguration {

    @Bean
    DatabaseUnavailableProblems databaseUnavailableProblems() {
        return new DatabaseUnavailableProblems();
    }
}
