package org.besteffort.notify.access;

import org.besteffort.edge.access.AccessRules;
import org.besteffort.edge.access.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the notify gateway: its operator's API is the operators' alone, as are {@code /ops/**} and Actuator
 * beyond health (the edge's common rules). Receivers never call the gateway: it calls them.
 */
@Configuration(proxyBeanMethods = false)
class NotifyGatewayAccess {

    @Bean
    AccessRules notifyGatewayPaths() {
        return paths -> paths.requestMatchers("/operator/**").hasRole(Roles.OPERATOR);
    }
}
