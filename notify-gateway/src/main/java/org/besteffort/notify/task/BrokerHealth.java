package org.besteffort.notify.task;

import org.besteffort.common.NotifyChannel;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The broker part of {@code /actuator/health}: UP while the name server routes {@code topic_notifymsg} to a broker,
 * so that the gateway is not reported healthy while no pay result can reach it.
 */
@Component("rocketmq")
class BrokerHealth implements HealthIndicator {

    private final PayResultIntake intake;

    BrokerHealth(PayResultIntake intake) {
        this.intake = intake;
    }

    @Override
    public Health health() {
        try {
            int brokers = intake.brokersServingTheTopic();
            return (brokers > 0 ? Health.up() : Health.down())
                    .withDetail("topic", NotifyChannel.TOPIC).withDetail("brokers", brokers).build();
        } catch (Exception e) {
            return Health.down(e).withDetail("topic", NotifyChannel.TOPIC).build();
        }
    }
}
