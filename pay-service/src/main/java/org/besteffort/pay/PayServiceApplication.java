package org.besteffort.pay;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * pay-service, the notifier (充值系统): records pays in {@code bank1_pay} and announces every result. Its journal
 * ({@code GET /ops/journal}, from ops-journal) gets its steps where they happen: {@code notifier} and {@code payment}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "pay-service, the notifier (充值系统)", version = "1",
        description = "Records pays and announces every result; receivers ask /payresult and read /statements to "
                + "find the pays whose notification they missed. Swagger UI: /swagger-ui.html"))
public class PayServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PayServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
