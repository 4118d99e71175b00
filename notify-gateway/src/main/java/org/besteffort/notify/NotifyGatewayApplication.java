package org.besteffort.notify;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The notify gateway, the course's notify program (通知程序, scheme 2): turns every pay result that names a
 * receiver into a durable task in {@code bank1_notify} and delivers it to the receiver's notify URL until it answers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "notify-gateway, the notify program (通知程序)", version = "1",
        description = "Keeps a task for every pay result that names a receiver and posts it to the receiver's "
                + "notify URL until it answers; the operator re-notifies and recovers. Swagger UI: /swagger-ui.html"))
public class NotifyGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotifyGatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
