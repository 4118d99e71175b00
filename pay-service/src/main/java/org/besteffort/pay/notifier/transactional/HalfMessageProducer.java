package org.besteffort.pay.notifier.transactional;

import org.apache.rocketmq.client.impl.producer.DefaultMQProducerImpl;
import org.apache.rocketmq.client.impl.producer.TopicPublishInfo;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.besteffort.common.NotifyChannel;
import org.besteffort.pay.notifier.NotifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Readies the producer for the broker's check-backs, working around two traps of the client as rocketmq-spring 2.3.5
 * starts it:
 * <ol>
 *   <li>The listener annotation's pool settings are ignored (rocketmq-spring#514): check-backs would be answered by the
 *   client's default, one thread. The producer is given a pool of {@code notifier.transactional.check-threads}.</li>
 *   <li>A producer started again after a crash tells the broker it exists (its heartbeat, which is how the broker finds
 *   someone of the group to ask) only to brokers it has a route to, and it has none until its first send: the half
 *   messages its previous life left unanswered would wait for the next pay. The route to {@code topic_notifymsg} is
 *   fetched, and a heartbeat sent, at start.</li>
 * </ol>
 */
@Component
@ConditionalOnProperty(name = "notifier.send-mode", havingValue = "transactional")
class HalfMessageProducer implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HalfMessageProducer.class);

    private final RocketMQTemplate rocketMQ;
    private final int checkThreads;
    private ExecutorService checkPool;

    HalfMessageProducer(RocketMQTemplate rocketMQ, NotifierProperties properties) {
        this.rocketMQ = rocketMQ;
        this.checkThreads = properties.transactional().checkThreads();
    }

    @Override
    public void afterSingletonsInstantiated() {
        TransactionMQProducer producer = (TransactionMQProducer) rocketMQ.getProducer();
        DefaultMQProducerImpl client = producer.getDefaultMQProducerImpl();
        // The client read its executor when it started: stop the default one, hand it ours, let it read again.
        client.destroyTransactionEnv();
        checkPool = checkPool(checkThreads);
        producer.setExecutorService(checkPool);
        client.initTransactionEnv();
        // What the client does at start for the topics named before it (DefaultMQProducer.setTopics), done afterwards.
        client.getTopicPublishInfoTable().putIfAbsent(NotifyChannel.TOPIC, new TopicPublishInfo());
        boolean routed;
        try {
            routed = client.getMqClientFactory().updateTopicRouteInfoFromNameServer(NotifyChannel.TOPIC);
        } catch (RuntimeException nameServerAway) {
            // Start anyway: pays are refused (503) until the broker is back, and its route comes with the first send.
            log.warn("half messages: no route to {} at start ({}); pays are refused until the broker answers",
                    NotifyChannel.TOPIC, nameServerAway.toString());
            routed = false;
        }
        // false when another heartbeat holds the lock or no broker is known yet: try a few times
        boolean heard = false;
        for (int attempt = 0; attempt < 5 && routed && !heard; attempt++) {
            heard = client.getMqClientFactory().sendHeartbeatToAllBrokerWithLock();
        }
        log.info("half messages: check-backs answered by {} threads; route to {} {}, heartbeat {}", checkThreads,
                NotifyChannel.TOPIC, routed ? "fetched" : "NOT fetched (the next send fetches it)",
                heard ? "sent" : "NOT sent");
    }

    private static ExecutorService checkPool(int threads) {
        AtomicInteger next = new AtomicInteger();
        // A full queue rejects the check-back; the broker asks again at its next check.
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2_000),
                task -> {
                    Thread thread = new Thread(task, "half-message-check-" + next.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void destroy() {
        if (checkPool != null) {
            checkPool.shutdown();
        }
    }
}
