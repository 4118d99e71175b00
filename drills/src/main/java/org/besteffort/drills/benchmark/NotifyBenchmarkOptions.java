package org.besteffort.drills.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the notify gateway's benchmark runs.
 *
 * @param backlog     tasks inserted and then drained at once in the first phase
 * @param rate        pays per second of the latency phase
 * @param duration    how long the latency phase sends pays
 * @param perEndpoint the gateway's {@code gateway.dispatch.max-in-flight-per-endpoint}; 0 leaves its default
 * @param warmup      pays at the same rate before the latency phase, not measured: pay-service's pay path and the
 *                    gateway's intake run for the first time there (the drain bypasses both)
 */
record NotifyBenchmarkOptions(int backlog, int rate, Duration duration, int perEndpoint, Duration warmup) {

    NotifyBenchmarkOptions {
        if (backlog < 1 || rate < 1 || perEndpoint < 0 || duration.isNegative() || duration.isZero()
                || warmup.isNegative()) {
            throw new IllegalArgumentException("notify.backlog and notify.rate must be at least 1, notify.duration "
                    + "positive and notify.per-endpoint at least 1 (or empty for the gateway's default)");
        }
    }

    /**
     * {@code --backlog=100000 --rate=100 --duration=PT30S --per-endpoint= --warmup=PT10S} (per-endpoint empty: the
     * gateway's default).
     */
    static NotifyBenchmarkOptions parse(String... args) {
        Map<String, String> given = Arrays.stream(args)
                .filter(arg -> arg.startsWith("--") && arg.contains("="))
                .collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')),
                        arg -> arg.substring(arg.indexOf('=') + 1).strip()));
        String perEndpoint = given.getOrDefault("per-endpoint", "");
        return new NotifyBenchmarkOptions(Integer.parseInt(given.getOrDefault("backlog", "100000")),
                Integer.parseInt(given.getOrDefault("rate", "100")),
                Duration.parse(given.getOrDefault("duration", "PT30S")),
                perEndpoint.isEmpty() ? 0 : Integer.parseInt(perEndpoint),
                Duration.parse(given.getOrDefault("warmup", "PT10S")));
    }

    /** Whether the gateway runs with its own per-endpoint limit. */
    boolean gatewayDefaultPerEndpoint() {
        return perEndpoint == 0;
    }
}
