package org.besteffort.drills.chaos;

import org.besteffort.drills.DrillStack;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the drill does: how many pays, how many clients, which faults.
 *
 * @param pays               pays to make
 * @param clients            concurrent HTTP clients
 * @param dropFraction       notifications pay-service loses on purpose
 * @param failFraction       message deliveries account-service fails on purpose
 * @param duplicateFraction  notifications pay-service sends twice
 * @param notifyFailFraction the gateway's notifies account-service answers 503 on purpose (scheme 2)
 * @param rechargeShare      share of pays started as recharges at account-service (the rest go straight to /paydo)
 * @param killReceiver       SIGKILL account-service halfway through the load, then start it again
 * @param killGateway        SIGKILL the notify gateway at 60 % of the load, then start it again
 * @param delayLevels        the broker's redelivery delays (RocketMQ syntax)
 * @param timeout            how long to wait for convergence after the load
 */
record DrillOptions(int pays, int clients, double dropFraction, double failFraction, double duplicateFraction,
                    double notifyFailFraction, double rechargeShare, boolean killReceiver, boolean killGateway,
                    String delayLevels, Duration timeout) {

    /** When the receiver and the gateway are killed, as a share of the pays sent. */
    static final double RECEIVER_KILLED_AT = 0.5;
    static final double GATEWAY_KILLED_AT = 0.6;

    static DrillOptions defaults() {
        return new DrillOptions(10_000, 16, 0.3, 0.2, 0.1, 0.2, 0.2, true, true, DrillStack.DEFAULT_DELAY_LEVELS,
                Duration.ofMinutes(15));
    }

    /**
     * {@code --pays=500 --clients=8 --drop=0.3 --fail=0.2 --duplicate=0.1 --notify-fail=0.2 --recharges=0.2
     * --kill=true --kill-gateway=true}.
     */
    static DrillOptions parse(String... args) {
        Map<String, String> given = Arrays.stream(args)
                .filter(arg -> arg.startsWith("--") && arg.contains("="))
                .collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')),
                        arg -> arg.substring(arg.indexOf('=') + 1)));
        DrillOptions d = defaults();
        return new DrillOptions(
                Integer.parseInt(given.getOrDefault("pays", String.valueOf(d.pays()))),
                Integer.parseInt(given.getOrDefault("clients", String.valueOf(d.clients()))),
                Double.parseDouble(given.getOrDefault("drop", String.valueOf(d.dropFraction()))),
                Double.parseDouble(given.getOrDefault("fail", String.valueOf(d.failFraction()))),
                Double.parseDouble(given.getOrDefault("duplicate", String.valueOf(d.duplicateFraction()))),
                Double.parseDouble(given.getOrDefault("notify-fail", String.valueOf(d.notifyFailFraction()))),
                Double.parseDouble(given.getOrDefault("recharges", String.valueOf(d.rechargeShare()))),
                Boolean.parseBoolean(given.getOrDefault("kill", String.valueOf(d.killReceiver()))),
                Boolean.parseBoolean(given.getOrDefault("kill-gateway", String.valueOf(d.killGateway()))),
                given.getOrDefault("delay-levels", d.delayLevels()),
                Duration.parse(given.getOrDefault("timeout", d.timeout().toString())));
    }
}
