package org.besteffort.local.broker;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link LocalBroker}: where the broker keeps its files, which ports it binds and what it pre-creates.
 *
 * @param storeDir       root of everything the broker writes: commit log, consume queues, config, logs
 * @param nameServerPort NameServer port
 * @param brokerPort     Broker port; the broker also binds {@code brokerPort - 2}, and announces {@code brokerPort + 1}
 *                       as its replication (HA) port without opening it
 * @param delayLevels    RocketMQ {@code messageDelayLevel}: the gaps between redeliveries of a failed message
 * @param topics         business topics to create up front, each with {@value #QUEUES_PER_TOPIC} queues
 * @param consumerGroups consumer groups whose retry topic and subscription config are created up front
 * @param transactions   when the broker asks producers about half messages left without an answer
 */
record BrokerOptions(Path storeDir, int nameServerPort, int brokerPort, String delayLevels,
                     List<String> topics, List<String> consumerGroups, TransactionChecks transactions) {

    /**
     * The broker's check-backs of half messages (RocketMQ transactional messages). RocketMQ's defaults (6 s, 30 s, 15)
     * leave a half message without an answer for at least 36 s and give up after 7.5 minutes; a laptop and a test want
     * seconds.
     *
     * @param timeoutMillis  a half message is asked about once it is this old ({@code transactionTimeOut})
     * @param intervalMillis how often the broker looks for such half messages ({@code transactionCheckInterval})
     * @param maxChecks      after this many check-backs it is discarded ({@code transactionCheckMax})
     */
    record TransactionChecks(long timeoutMillis, long intervalMillis, int maxChecks) {

        /**
         * What this broker runs with unless told otherwise: 5 s, 3 s, 40 checks (two minutes). The timeout must stay
         * well above the broker's batching of commit records ({@code transactionOpBatchInterval}, set to 500 ms here):
         * a half message checked before its commit record is written gets a second COMMIT, and a second copy.
         */
        static final TransactionChecks LOCAL = new TransactionChecks(5_000, 3_000, 40);

        TransactionChecks {
            if (timeoutMillis <= 0 || intervalMillis <= 0 || maxChecks <= 0) {
                throw new IllegalArgumentException("transaction check timeout, interval and max must be positive");
            }
        }
    }

    /** RocketMQ's own default: redeliveries after 10 s, 30 s, 1 m, 2 m, … up to 2 h (the first two levels are for delayed sends). */
    static final String DEFAULT_DELAY_LEVELS = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

    static final int QUEUES_PER_TOPIC = 4;

    private static final Set<String> KNOWN_KEYS =
            Set.of("store-dir", "namesrv-port", "broker-port", "delay-levels", "topics", "groups",
                    "transaction-timeout-ms", "transaction-check-interval-ms", "transaction-check-max");

    BrokerOptions {
        storeDir = storeDir.toAbsolutePath().normalize();
        topics = List.copyOf(topics);
        consumerGroups = List.copyOf(consumerGroups);
    }

    /** Parses {@code --key=value} arguments; only {@code --store-dir} is required. */
    static BrokerOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected --key=value but got '" + arg + "'");
            }
            String key = arg.substring(2, equals);
            if (!KNOWN_KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown option --" + key + "; known: " + KNOWN_KEYS);
            }
            values.put(key, arg.substring(equals + 1));
        }
        String storeDir = values.get("store-dir");
        if (storeDir == null || storeDir.isBlank()) {
            throw new IllegalArgumentException("--store-dir=<directory> is required");
        }
        return new BrokerOptions(
                Path.of(storeDir),
                Integer.parseInt(values.getOrDefault("namesrv-port", "9876")),
                Integer.parseInt(values.getOrDefault("broker-port", "10911")),
                values.getOrDefault("delay-levels", DEFAULT_DELAY_LEVELS),
                commaList(values.get("topics")),
                commaList(values.get("groups")),
                new TransactionChecks(
                        Long.parseLong(values.getOrDefault("transaction-timeout-ms",
                                String.valueOf(TransactionChecks.LOCAL.timeoutMillis()))),
                        Long.parseLong(values.getOrDefault("transaction-check-interval-ms",
                                String.valueOf(TransactionChecks.LOCAL.intervalMillis()))),
                        Integer.parseInt(values.getOrDefault("transaction-check-max",
                                String.valueOf(TransactionChecks.LOCAL.maxChecks())))));
    }

    String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    Path logDir() {
        return storeDir.resolve("logs");
    }

    private static List<String> commaList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
