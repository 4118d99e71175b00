package org.besteffort.notify.operator;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Who may operate the gateway.
 *
 * @param tokens         bearer tokens by operator name; the name goes into the action log
 * @param openOnLoopback let requests from this machine in without a token (the local profile only)
 */
@ConfigurationProperties("gateway.operator")
record OperatorProperties(Map<String, String> tokens, boolean openOnLoopback) {

    OperatorProperties {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }
}
