package org.besteffort.drills.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the benchmark runs.
 *
 * @param rate     pays per second of the fixed-rate phase
 * @param clients  concurrent clients of the maximum-throughput phase and of the raw JDBC measurement
 * @param warmup   excluded from every figure at the start of each phase
 * @param duration measured part of each phase
 * @param running  load the local stack that {@code ./mvnw -Plocal package} is running instead of starting one
 * @param profile  record each service with Java Flight Recorder during the maximum phase and print where its CPU goes
 */
record BenchmarkOptions(int rate, int clients, Duration warmup, Duration duration, boolean running, boolean profile) {

    /** {@code --rate=100 --clients=16 --warmup=PT10S --duration=PT30S --stack=own|running --profile=false}. */
    static BenchmarkOptions parse(String... args) {
        Map<String, String> given = Arrays.stream(args)
                .filter(arg -> arg.startsWith("--") && arg.contains("="))
                .collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')),
                        arg -> arg.substring(arg.indexOf('=') + 1)));
        return new BenchmarkOptions(Integer.parseInt(given.getOrDefault("rate", "100")),
                Integer.parseInt(given.getOrDefault("clients", "16")),
                Duration.parse(given.getOrDefault("warmup", "PT10S")),
                Duration.parse(given.getOrDefault("duration", "PT30S")),
                stack(given.getOrDefault("stack", "own")),
                Boolean.parseBoolean(given.getOrDefault("profile", "false")));
    }

    private static boolean stack(String stack) {
        return switch (stack) {
            case "own" -> false;
            case "running" -> true;
            default -> throw new IllegalArgumentException("bench.stack is own (the default) or running, not " + stack);
        };
    }
}
