package org.besteffort.edge.access;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers {@link LaptopDefaults} in every service that depends on the edge, web or not. */
@AutoConfiguration
public class LaptopDefaultsConfiguration {

    @Bean
    static LaptopDefaults laptopDefaults() {
        return new LaptopDefaults();
    }
}
