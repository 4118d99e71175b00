package org.besteffort.local.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RocketMQ NameServer and one master Broker in this JVM, configured small and with the pattern's topics and groups pre-created.
 * Both listen on, announce and connect to {@code 127.0.0.1} only.
 */
final class RocketMqServers {

    private static final Logger log = LoggerFactory.getLogger(RocketMqServers.class);

    private static final String LOOPBACK = "127.0.0.1";

    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerOptions options;

    private NamesrvController nameServer;

    private BrokerController broker;

    RocketMqServers(BrokerOptions options) {
        this.options = options;
    }

    /** Starts the NameServer, then the Broker, and returns once every pre-created topic has a route on the NameServer. */
    synchronized void start() throws Exception {
        nameServer = startNameServer();
        broker = startBroker();
        awaitRoutes();
    }

    /** Stops the Broker first so that it can unregister from a NameServer that is still listening. */
    synchronized void shutdown() {
        if (broker != null) {
            broker.shutdown();
            broker = null;
            log.info("Broker stopped");
        }
        if (nameServer != null) {
            nameServer.shutdown();
            nameServer = null;
            log.info("NameServer stopped");
        }
    }

    private NamesrvController startNameServer() throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome(options.storeDir().toString());
        config.setKvConfigPath(options.storeDir().resolve("namesrv/kvConfig.json").toString());
        config.setConfigStorePath(options.storeDir().resolve("namesrv/namesrv.properties").toString());

        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress(LOOPBACK);
        server.setListenPort(options.nameServerPort());

        NettyClientConfig client = new NettyClientConfig();
        // The NameServer's own client would connect to the NameServer's address every 3 s to see whether it is up.
        client.setScanAvailableNameSrv(false);

        NamesrvController controller = new LoopbackNameServer(config, server, client, options.nameServerAddress());
        if (!controller.initialize()) {
            controller.shutdown();
            throw new IllegalStateException("NameServer failed to initialise on port " + options.nameServerPort());
        }
        controller.start();
        log.info("NameServer listening on {}", options.nameServerAddress());
        return controller;
    }

    private BrokerController startBroker() throws Exception {
        BrokerConfig config = new BrokerConfig();
        config.setRocketmqHome(options.storeDir().toString());
        config.setBrokerClusterName("DefaultCluster");
        config.setBrokerName("broker-a");
        config.setNamesrvAddr(options.nameServerAddress());
        // The address the broker advertises to clients: without it a multi-homed host may publish an unreachable one.
        config.setBrokerIP1(LOOPBACK);
        config.setBrokerIP2(LOOPBACK);
        // Half messages left without an answer: asked about sooner and more often than RocketMQ's defaults.
        config.setTransactionTimeOut(options.transactions().timeoutMillis());
        config.setTransactionCheckInterval(options.transactions().intervalMillis());
        config.setTransactionCheckMax(options.transactions().maxChecks());
        // The broker writes the records of committed and rolled-back half messages in batches, every 3 s by default.
        // A check runs on half messages older than the timeout that have no such record yet: with a timeout near that
        // batch interval, committed ones are asked about again, answered COMMIT again and delivered twice.
        config.setTransactionOpBatchInterval(500);

        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress(LOOPBACK);
        server.setListenPort(options.brokerPort());

        BrokerController controller = new BrokerController(config, server, new NettyClientConfig(), messageStoreConfig());
        if (!controller.initialize()) {
            controller.shutdown();
            throw new IllegalStateException("Broker failed to initialise on port " + options.brokerPort()
                    + " (it also needs port " + (options.brokerPort() - 2) + ")");
        }
        // Created before start() so that the very first registration already carries their routes:
        // otherwise clients wait for their 30 s route poll and the first retry comes ~17 s late.
        createTopicsAndGroups(controller);
        controller.start();
        log.info("Broker listening on {}:{}", LOOPBACK, options.brokerPort());
        return controller;
    }

    private MessageStoreConfig messageStoreConfig() {
        String root = options.storeDir().resolve("store").toString();
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(root);
        store.setStorePathCommitLog(root + "/commitlog");
        // Announced to the NameServer, never opened: see MasterOnlyHaService.
        store.setHaListenPort(options.brokerPort() + 1);
        store.setMessageDelayLevel(options.delayLevels());
        // Every thread that writes to the commit log keeps a direct buffer of maxMessageSize + 64 KB: 4 MB each at the
        // default. Transactional messages add a pool of such threads (end transaction, the commit records), and a
        // 128 MB broker ran out of direct memory ("Cannot reserve 4259840 bytes"): no commit record was written, and
        // every committed half message was asked about again and delivered again. A pay result is under 1 KB.
        store.setMaxMessageSize(256 * 1024);
        // Small files: the defaults are 1 GB commit-log files, 6 MB per consume queue and a 420 MB index file.
        store.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(10_000 * 20);
        store.setMaxIndexNum(10_000);
        store.setMaxHashSlotNum(2_500);
        // The timer wheel preallocates large files and needs more heap; the delay levels do the redelivery work.
        store.setTimerWheelEnable(false);
        // A developer disk that is 90 % full must not make the broker refuse every message.
        store.setDiskMaxUsedSpaceRatio(95);
        store.setDiskSpaceWarningLevelRatio(99);
        store.setDiskSpaceCleanForciblyRatio(98);
        return store;
    }

    private void createTopicsAndGroups(BrokerController controller) {
        for (String topic : options.topics()) {
            int queues = BrokerOptions.QUEUES_PER_TOPIC;
            controller.getTopicConfigManager().updateTopicConfig(
                    new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE));
            log.info("Topic {} ready with {} queues", topic, queues);
        }
        for (String group : options.consumerGroups()) {
            // The retry topic is where a failed message waits for its next delay level; RocketMQ creates it with one queue.
            String retryTopic = MixAll.getRetryTopic(group);
            controller.getTopicConfigManager().updateTopicConfig(
                    new TopicConfig(retryTopic, 1, 1, PermName.PERM_READ | PermName.PERM_WRITE));
            // Where messages go after their last retry. Created readable here, so that an operator can list them
            // (a broker that creates it on demand makes it write-only).
            controller.getTopicConfigManager().updateTopicConfig(
                    new TopicConfig(MixAll.getDLQTopic(group), 1, 1, PermName.PERM_READ | PermName.PERM_WRITE));

            SubscriptionGroupConfig subscription = new SubscriptionGroupConfig();
            subscription.setGroupName(group);
            subscription.setRetryQueueNums(1);
            // RocketMQ's default; a consumer's own maxReconsumeTimes, when set, takes precedence.
            subscription.setRetryMaxTimes(16);
            subscription.setConsumeBroadcastEnable(false);
            controller.getSubscriptionGroupManager().updateSubscriptionGroupConfig(subscription);
            log.info("Consumer group {} ready with retry topic {}", group, retryTopic);
        }
    }

    /**
     * The broker's own registration in {@code start()} is skipped while its client has not yet confirmed the NameServer
     * is reachable, and the next scheduled one comes 10 s later: register again until the routes are there.
     */
    private void awaitRoutes() throws InterruptedException {
        List<String> missing = new ArrayList<>(Stream.concat(
                options.topics().stream(),
                options.consumerGroups().stream().map(MixAll::getRetryTopic)).toList());
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        while (!routesRegistered(missing)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No route registered within " + ROUTE_TIMEOUT + " for " + missing);
            }
            // Give the broker's client a moment to see the NameServer, then register explicitly.
            Thread.sleep(100);
            broker.registerBrokerAll(true, false, true);
        }
        log.info("Routes registered on the NameServer for {}", options.topics());
    }

    private boolean routesRegistered(List<String> missing) {
        if (nameServer.getRouteInfoManager().getAllClusterInfo().getBrokerAddrTable().isEmpty()) {
            return false;
        }
        missing.removeIf(topic -> nameServer.getRouteInfoManager().pickupTopicRouteData(topic) != null);
        return missing.isEmpty();
    }

    /**
     * A NameServer whose own client knows it as {@code 127.0.0.1}. {@link NamesrvController#start()} gives that client
     * the host's first non-loopback address instead ({@code NetworkUtil.getLocalAddress()}, with no setting to change
     * it), where nothing listens; the client uses the address only to check that the NameServer is up, and reaches
     * brokers by the addresses they register.
     */
    private static final class LoopbackNameServer extends NamesrvController {

        private final String address;

        LoopbackNameServer(NamesrvConfig config, NettyServerConfig server, NettyClientConfig client, String address) {
            super(config, server, client);
            this.address = address;
        }

        /**
         * What {@code super.start()} does, with the loopback address. It skips only the watcher that reloads TLS
         * certificates, which does not exist here: {@link LocalBroker} runs without TLS.
         */
        @Override
        public void start() throws Exception {
            getRemotingServer().start();
            getRemotingClient().updateNameServerAddressList(new ArrayList<>(List.of(address)));
            getRemotingClient().start();
            getRouteInfoManager().start();
        }
    }
}
