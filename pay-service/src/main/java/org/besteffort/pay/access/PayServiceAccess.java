package org.besteffort.pay.access;

import org.besteffort.edge.access.AccessRules;
import org.besteffort.edge.access.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call pay-service. The payer's cashier pages are public (the payer pays with their own money, for the
 * merchant the order names). Making a pay and asking about pays are the receivers': each sees only the pays it made,
 * by txNo and by statement. {@code /ops/**} and Actuator beyond health are the operators' (the edge's common rules).
 */
@Configuration(proxyBeanMethods = false)
public class PayServiceAccess {

    @Bean
    AccessRules payServicePaths() {
        return paths -> paths
                .requestMatchers("/cashier", "/css/**", "/favicon.ico").permitAll()
                .requestMatchers("/paydo", "/payresult/**", "/statements").hasRole(Roles.RECEIVER);
    }
}
