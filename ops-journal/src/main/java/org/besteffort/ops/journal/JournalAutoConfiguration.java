package org.besteffort.ops.journal;

import org.besteffort.common.journal.Journal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The one journal of this process, named after the service, and {@code GET /ops/journal} that serves it.
 */
// After WebMvcAutoConfiguration, whose problem-details handler backs off if JournalProblems is there first.
@AutoConfiguration(after = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties(JournalProperties.class)
public class JournalAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Journal journal(JournalProperties properties, @Value("${spring.application.name}") String service) {
        return new Journal(service, properties.capacity());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    JournalController journalController(Journal journal) {
        return new JournalController(journal);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    JournalProblems journalProblems() {
        return new JournalProblems();
    }
}
