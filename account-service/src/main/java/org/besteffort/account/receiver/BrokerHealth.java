package org.besteffort.account.receiver;

import org.besteffort.common.NotifyChannel;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The broker part of {@code /actuator/health}: UP while the name server routes {@code topic_notifymsg} to a broker.
 */
@Component("rocketmq")
class BrokerHealth implements HealthIndicator {

    private final DeadLetters nameServerClient;

    BrokerHealth(DeadLetters nameServerClient) {
        this.nameServerClient = nameServerClient;
    }

    @Override
    public Health health() {
        try {
            int brokers = nameServerClient.brokersServingTheTopic();
            return (brokers > 0 ? Health.up() : Health.down())
                    .withDetail("topic", NotifyChannel.TOPIC).withDetail("brokers", brokers).build();
        } catch (Exception e) {
            return Health.down(e).withDetail("topic", NotifyChannel.TOPIC).build();
        }
    }
}
