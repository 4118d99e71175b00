package org.besteffort.pay.journal;

import org.besteffort.common.journal.Journal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one journal of this process, named after the service.
 */
@Configuration
@EnableConfigurationProperties(JournalProperties.class)
public class JournalConfiguration {

    @Bean
    Journal journal(JournalProperties properties, @Value("${spring.application.name}") String service) {
        return new Journal(service, properties.capacity());
    }
}
