package org.besteffort.local.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.slf4j.LoggerFactory;

/**
 * Runs a RocketMQ NameServer and Broker until its standard input closes or it receives SIGTERM.
 *
 * <p>Usage: {@code java -jar local-broker.jar --store-dir=DIR [--namesrv-port=9876] [--broker-port=10911]
 * [--delay-levels="1s 5s …"] [--topics=a,b] [--groups=g1,g2]}. Prints {@value #READY_PREFIX}{@code <address>} on
 * standard output once clients can send and consume.
 */
public final class LocalBroker {

    // Deliberately no static logger: logging must not initialise before main has pointed it at the store directory.

    /** The line a parent process waits for; the only thing this program writes to standard output itself. */
    public static final String READY_PREFIX = "LOCAL-BROKER READY namesrv=";

    private LocalBroker() {
    }

    public static void main(String[] args) {
        BrokerOptions options = BrokerOptions.parse(args);
        prepareEnvironment(options);

        RocketMqServers servers = new RocketMqServers(options);
        Runtime.getRuntime().addShutdownHook(new Thread(servers::shutdown, "local-broker-shutdown"));
        exitWhenStdinCloses();

        long started = System.nanoTime();
        try {
            servers.start();
        } catch (Exception | LinkageError e) {
            // One line on standard output, which the parent quotes; the stack trace goes to broker.log only.
            LoggerFactory.getLogger(LocalBroker.class).error("Local broker failed to start: {} (details in {})",
                    describe(e), options.logDir().resolve("broker.log"), e);
            // The NameServer's threads are not daemons: without an explicit exit a failed start would hang forever.
            System.exit(1);
        }
        LoggerFactory.getLogger(LocalBroker.class)
                .info("Local broker ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        // A protocol line for the parent process, hence System.out rather than the log.
        System.out.println(READY_PREFIX + options.nameServerAddress());
        System.out.flush();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static void prepareEnvironment(BrokerOptions options) {
        try {
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + options.logDir(), e);
        }
        // Read by rmq.logback.xml on first use, which must come after this line. RocketMQ's SLF4J bridge routes the
        // plain SLF4J calls of this module (and netty's) into the same shaded logback.
        System.setProperty("localBroker.logDir", options.logDir().toString());
        // RocketMQ, RocksDB and JNA write under ~ (logs/rocketmqlogs, .cache/JNA); keep all of it inside the store dir.
        System.setProperty("user.home", options.storeDir().toString());
        // The mqbroker script sets this; without it the broker registers no topic routes ("No route info of this topic").
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        // Plain TCP on loopback: "permissive" TLS would spend ~2 s of every start generating a self-signed certificate.
        System.setProperty(TlsSystemConfig.TLS_SERVER_MODE, "disabled");
    }

    /**
     * A parent that is killed with SIGKILL cannot stop its children, but its end of our stdin pipe closes: treat that
     * end-of-file as the signal to exit, so no orphan broker keeps the ports.
     */
    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end-of-file.
            }
            LoggerFactory.getLogger(LocalBroker.class).info("Standard input closed: shutting down");
            System.exit(0);
        }, "local-broker-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
