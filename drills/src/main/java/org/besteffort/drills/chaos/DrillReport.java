package org.besteffort.drills.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one drill did and found; the drill fails when {@link #violations()} is not empty.
 *
 * @param leasedAtGatewayKill tasks the gateway held leased when it was killed: deliveries in flight, which go again
 *                            once their lease runs out, unrecorded if the receiver had answered
 * @param recoveredTasks      tasks the gateway gave up on (FAILED) that the drill, as the operator, recovered
 */
record DrillReport(DrillOptions options, PayLoad.Result load, Duration restartTook, Duration gatewayRestartTook,
                   int leasedAtGatewayKill, Duration convergedAfter, boolean converged, Map<String, Integer> pays,
                   Map<String, Integer> recharges, Map<String, Integer> settlingPaths, GatewayFigures gateway,
                   int recoveredTasks, List<String> violations) {

    boolean passed() {
        return converged && violations.isEmpty();
    }

    void print(PrintStream out) {
        out.println();
        out.println("Chaos drill report");
        out.printf("  faults             %.0f %% notifications dropped, %.0f %% duplicated, %.0f %% deliveries failed, "
                        + "%.0f %% notifies answered 503%s%s%n",
                options.dropFraction() * 100, options.duplicateFraction() * 100, options.failFraction() * 100,
                options.notifyFailFraction() * 100,
                options.killReceiver() ? ", account-service SIGKILLed halfway" : "",
                options.killGateway() ? ", notify-gateway SIGKILLed at 60 %" : "");
        out.printf("  load               %d pays from %d clients: %d accepted, %d refused, %.1f s (%.0f/s)%n",
                options.pays(), options.clients(), load.accepted(), load.refused(), seconds(load.elapsed()),
                load.perSecond());
        if (restartTook != null) {
            out.printf("  receiver restart   back in %.1f s%n", seconds(restartTook));
        }
        if (gatewayRestartTook != null) {
            out.printf("  gateway restart    back in %.1f s; it held %d leased tasks when killed%n",
                    seconds(gatewayRestartTook), leasedAtGatewayKill);
        }
        out.printf("  pays at pay-service %s%n", pays);
        out.printf("  recharges known    %s%n", recharges);
        out.println("  settled by");
        settlingPaths.forEach((path, count) -> out.printf("    %-32s %6d%n", path, count));
        out.printf("  gateway tasks      %s; acknowledged on %s%n", gateway.tasks(), gateway.acknowledged());
        out.printf("  gateway attempts   %s: %d in the attempt log, %d counted on the tasks%n", gateway.attempts(),
                gateway.attemptRows(), gateway.attemptsCounted());
        out.printf("  gave up, recovered %d FAILED tasks recovered by the operator (every attempt of the schedule "
                + "had failed)%n", recoveredTasks);
        out.printf("  repeated deliveries %d tasks acknowledged twice (notify_attempt); the %d leased at the gateway's "
                + "kill went again, unrecorded where the receiver had answered%n", gateway.acknowledgedTwice(),
                leasedAtGatewayKill);
        out.printf("  converged          %s%n", converged
                ? "%.1f s after the last pay was sent".formatted(seconds(convergedAfter))
                : "NO, gave up after %.1f s".formatted(seconds(convergedAfter)));
        out.printf("  violations         %d%n", violations.size());
        violations.stream().limit(200).forEach(violation -> out.println("    " + violation));
        if (violations.size() > 200) {
            out.printf("    … and %d more%n", violations.size() - 200);
        }
        out.println(passed() ? "PASSED: every successful pay credited exactly once, nothing else credited, every "
                + "notification acknowledged" : "FAILED");
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
