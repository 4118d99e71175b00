package org.besteffort.pay.notifier;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.besteffort.common.NotifyChannel;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The broker part of {@code /actuator/health}: UP while the name server routes {@code topic_notifymsg} to a broker.
 */
@Component("rocketmq")
class BrokerHealth implements HealthIndicator {

    private final RocketMQTemplate rocketMQ;

    BrokerHealth(RocketMQTemplate rocketMQ) {
        this.rocketMQ = rocketMQ;
    }

    @Override
    public Health health() {
        try {
            int queues = rocketMQ.getProducer().fetchPublishMessageQueues(NotifyChannel.TOPIC).size();
            return (queues > 0 ? Health.up() : Health.down())
                    .withDetail("topic", NotifyChannel.TOPIC).withDetail("queues", queues).build();
        } catch (Exception e) {
            return Health.down(e).withDetail("topic", NotifyChannel.TOPIC).build();
        }
    }
}
