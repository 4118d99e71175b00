package org.besteffort.pay;

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
public class PayServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PayServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
