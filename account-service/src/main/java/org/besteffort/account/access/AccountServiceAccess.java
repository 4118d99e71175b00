package org.besteffort.account.access;

import org.besteffort.edge.access.AccessRules;
import org.besteffort.edge.access.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call account-service. Public: the notify URL, which believes only what its own signature check verifies,
 * and the merchant's checkout pages, which any shopper opens. The bank's back office (accounts, recharges, dead
 * letters, parked notifications) is the operators', as are {@code /ops/**} and Actuator beyond health (the edge's
 * common rules).
 */
@Configuration(proxyBeanMethods = false)
public class AccountServiceAccess {

    @Bean
    AccessRules accountServicePaths() {
        return paths -> paths
                .requestMatchers("/notify/pay-result", "/checkout", "/checkout/**", "/css/**", "/js/**",
                        "/favicon.ico").permitAll()
                .requestMatchers("/accounts", "/accounts/**", "/recharges", "/recharges/**", "/dead-letters",
                        "/parked-notifications").hasRole(Roles.OPERATOR);
    }
}
