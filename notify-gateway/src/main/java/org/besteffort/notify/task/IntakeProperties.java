package org.besteffort.notify.task;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Whom the intake believes.
 *
 * @param paySigningKeys pay-service's signing secrets by key id; an unsigned or badly signed pay result never becomes
 *                       a task
 */
@ConfigurationProperties("gateway")
record IntakeProperties(Map<String, String> paySigningKeys) {

    IntakeProperties {
        paySigningKeys = paySigningKeys == null ? Map.of() : Map.copyOf(paySigningKeys);
    }
}
