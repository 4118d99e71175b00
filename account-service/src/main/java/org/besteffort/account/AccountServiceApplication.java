package org.besteffort.account;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * account-service, the receiver (账户系统): applies announced pay results to balances in {@code bank1}, and asks
 * pay-service about the ones it is still waiting for. Its journal ({@code GET /ops/journal}, from ops-journal) gets its
 * steps where they happen: {@code receiver} (the applier's outcomes and the listener's refusals), {@code notify},
 * {@code reconciliation} and {@code recharge}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
@EnableScheduling
@OpenAPIDefinition(info = @Info(title = "account-service, the receiver (账户系统)", version = "1",
        description = "Starts recharges and credits each pay once, whichever way its result arrives: the queue, "
                + "its notify URL, reconciliation. Swagger UI: /swagger-ui.html"))
public class AccountServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
