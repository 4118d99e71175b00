package org.besteffort.notify;

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
public class NotifyGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotifyGatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
