package org.besteffort.drills.consistency;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the send-mode comparison runs.
 *
 * @param modes      the send modes, in pay-service's spelling ({@code after-commit,outbox,transactional}), and
 *                   {@code 2pc}: the same recharge as one XA transaction, measured last
 * @param crashes    how many times pay-service is halted at each crash point of a mode
 * @param pays       recharges made per mode around the crashes (the crash pays included)
 * @param throughput whether each mode is also loaded cleanly: at {@code rate} and at maximum with {@code clients}
 * @param rate       pays per second of the fixed-rate phase, for the latency
 * @param clients    closed-loop clients of the maximum phase
 * @param warmup     unmeasured start of each load phase
 * @param duration   measured part of each load phase
 */
record SendModeOptions(List<String> modes, int crashes, int pays, boolean throughput, int rate, int clients,
                       Duration warmup, Duration duration) {

    static final List<String> ALL_MODES = List.of("after-commit", "outbox", "transactional", TwoPhaseCommitColumn.MODE);

    private static final Set<String> KEYS = Set.of("modes", "crashes", "pays", "throughput", "rate", "clients",
            "warmup", "duration");

    SendModeOptions {
        modes = List.copyOf(modes);
        if (modes.isEmpty() || !ALL_MODES.containsAll(modes)) {
            throw new IllegalArgumentException("--modes must name some of " + ALL_MODES + ", not " + modes);
        }
        if (crashes < 0 || pays < 1 || rate < 1 || clients < 1) {
            throw new IllegalArgumentException("--crashes must be 0 or more, --pays, --rate and --clients at least 1");
        }
    }

    /** Parses {@code --key=value} arguments; an empty value keeps the default. */
    static SendModeOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0 || !KEYS.contains(arg.substring(2, equals))) {
                throw new IllegalArgumentException("unknown argument " + arg + "; known: --" + String.join("=, --",
                        KEYS) + "=");
            }
            if (!arg.substring(equals + 1).isBlank()) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1).strip());
            }
        }
        return new SendModeOptions(
                Arrays.stream(values.getOrDefault("modes", String.join(",", ALL_MODES)).split(","))
                        .map(String::strip).filter(mode -> !mode.isEmpty()).toList(),
                Integer.parseInt(values.getOrDefault("crashes", "3")),
                Integer.parseInt(values.getOrDefault("pays", "200")),
                Boolean.parseBoolean(values.getOrDefault("throughput", "true")),
                Integer.parseInt(values.getOrDefault("rate", "100")),
                Integer.parseInt(values.getOrDefault("clients", "16")),
                Duration.parse(values.getOrDefault("warmup", "PT5S")),
                Duration.parse(values.getOrDefault("duration", "PT20S")));
    }

    /** pay-service's crash points that a pay of this mode passes ({@code CrashPoint} there). */
    static List<String> crashPoints(String mode) {
        return switch (mode) {
            case "after-commit" -> List.of("AFTER_COMMIT_BEFORE_SEND");
            case "outbox" -> List.of("AFTER_OUTBOX_INSERT_BEFORE_RELAY", "AFTER_RELAY_PUBLISH_BEFORE_MARK");
            case "transactional" -> List.of("AFTER_HALF_BEFORE_LOCAL_COMMIT", "AFTER_LOCAL_COMMIT_BEFORE_ANSWER");
            case TwoPhaseCommitColumn.MODE -> List.of("PARTICIPANT_KILLED_MID_COMMIT");
            default -> throw new IllegalArgumentException("no such send mode: " + mode);
        };
    }
}
