package org.besteffort.account.reconciliation;

import feign.RequestInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This receiver's API key at pay-service ({@code pay-service.api-key}, {@code PAY_SERVICE_API_KEY}), sent with every
 * call of {@link PayServiceClient}: pay-service answers a receiver about its own pays only. Empty: no key is sent,
 * which only the local walkthrough accepts.
 */
@Configuration(proxyBeanMethods = false)
class PayServiceKey {

    @Bean
    RequestInterceptor payServiceApiKey(@Value("${pay-service.api-key:}") String key) {
        return request -> {
            if (!key.isBlank()) {
                request.header("Authorization", "Bearer " + key);
            }
        };
    }
}
