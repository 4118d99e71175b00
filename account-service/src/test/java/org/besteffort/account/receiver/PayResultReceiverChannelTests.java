package org.besteffort.account.receiver;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.besteffort.common.journal.Journal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * {@code receiver.channels} decides whether the listener, and so a consumer of {@code topic_notifymsg}, exists.
 */
class PayResultReceiverChannelTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BoundProperties.class, PayResultReceiver.class)
            .withBean(PayResultApplier.class, () -> mock(PayResultApplier.class))
            .withBean(Journal.class, () -> new Journal("account-service", 10))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void startsNoConsumerWithoutTheMqChannel() {
        // With RocketMQ's own auto-configuration, which starts a consumer for every listener bean (and would fail
        // here, as nothing listens at this name server address).
        context.withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
                .withPropertyValues("rocketmq.name-server=127.0.0.1:9", "receiver.channels=http").run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started).doesNotHaveBean(PayResultReceiver.class);
                    assertThat(started).doesNotHaveBean(DefaultRocketMQListenerContainer.class);
                });
        context.withPropertyValues("receiver.channels[0]=http")
                .run(started -> assertThat(started).doesNotHaveBean(PayResultReceiver.class));
        context.withPropertyValues("receiver.channels=")
                .run(started -> assertThat(started).doesNotHaveBean(PayResultReceiver.class));
    }

    @Test
    void listensWithTheMqChannelAndByDefault() {
        context.withPropertyValues("receiver.channels=mq")
                .run(started -> assertThat(started).hasSingleBean(PayResultReceiver.class));
        context.withPropertyValues("receiver.channels[0]=http", "receiver.channels[1]=mq")
                .run(started -> assertThat(started).hasSingleBean(PayResultReceiver.class));
        context.run(started -> assertThat(started).hasSingleBean(PayResultReceiver.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReceiverProperties.class)
    static class BoundProperties {
    }
}
