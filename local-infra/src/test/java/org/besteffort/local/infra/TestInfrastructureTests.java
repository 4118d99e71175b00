package org.besteffort.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.besteffort.common.NotifyChannel;
import org.junit.jupiter.api.Test;

class TestInfrastructureTests {

    final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void startsOncePerJvm() {
        assertThat(TestInfrastructure.shared()).isSameAs(infrastructure);
        assertThat(infrastructure.broker().isAlive()).isTrue();
    }

    @Test
    void hasRunTheRepositorysSqlScripts() throws SQLException {
        try (Connection connection = infrastructure.database().connect("bank1");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT account_name FROM account_info WHERE account_no = '1'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("张三");
        }
    }

    @Test
    void deliversOnTheNotifyTopicAndRedeliversASecondAfterAFailedAttempt() throws Exception {
        List<MessageExt> deliveries = new CopyOnWriteArrayList<>();
        List<Long> receivedAtMillis = new CopyOnWriteArrayList<>();
        Map<String, Boolean> failedOnce = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(NotifyChannel.CONSUMER_GROUP);
        consumer.setNamesrvAddr(infrastructure.broker().nameServerAddress());
        consumer.subscribe(NotifyChannel.TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            deliveries.addAll(messages);
            receivedAtMillis.add(System.currentTimeMillis());
            // The first attempt fails, as a receiver whose database is down would.
            boolean first = failedOnce.putIfAbsent(messages.get(0).getKeys(), true) == null;
            return first ? ConsumeConcurrentlyStatus.RECONSUME_LATER : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = new DefaultMQProducer(NotifyChannel.PRODUCER_GROUP);
        producer.setNamesrvAddr(infrastructure.broker().nameServerAddress());
        consumer.start();
        producer.start();
        try {
            Message message = new Message(NotifyChannel.TOPIC, "", "tx-1", "充值 100.00".getBytes(StandardCharsets.UTF_8));
            SendResult sent = producer.send(message);
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 2);

            assertThat(deliveries).extracting(MessageExt::getKeys).containsOnly("tx-1");
            assertThat(new String(deliveries.get(1).getBody(), StandardCharsets.UTF_8)).isEqualTo("充值 100.00");
            assertThat(deliveries.get(1).getReconsumeTimes()).isEqualTo(1);
            // The test delay levels redeliver after 1 s, where RocketMQ's default would wait 10 s.
            assertThat(receivedAtMillis.get(1) - receivedAtMillis.get(0)).isBetween(900L, 5_000L);
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }
}
