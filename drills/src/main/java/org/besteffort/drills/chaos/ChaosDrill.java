package org.besteffort.drills.chaos;

import org.besteffort.drills.DrillStack;
import org.besteffort.local.infra.ProcessStartFailed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chaos drill: starts a stack of its own, makes the pays with faults on, kills the receiver halfway and the notify
 * gateway a little later, waits for convergence and checks that every successful pay was credited exactly once and
 * every notification the gateway kept was acknowledged. Exit code 1 on any violation.
 *
 * <p>Run by {@code ./mvnw -Pchaos package} ({@code -Ddrill.pays=500} and friends to change it). This is a console
 * program: it reports on standard output.
 */
public final class ChaosDrill {

    private ChaosDrill() {
    }

    public static void main(String[] args) throws Exception {
        DrillOptions options = DrillOptions.parse(args);
        Path workDir = Path.of("target", "chaos-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"))).toAbsolutePath();
        DrillReport report = run(options, workDir);
        report.print(System.out);
        System.exit(report.passed() ? 0 : 1);
    }

    /** Runs one drill in {@code workDir} and tears its stack down. */
    static DrillReport run(DrillOptions options, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        System.out.printf("Chaos drill in %s: starting broker, MariaDB, pay-service, account-service, "
                + "notify-gateway%n", workDir);
        var faults = new DrillStack.Faults(options.dropFraction(), options.duplicateFraction(), options.failFraction(),
                options.notifyFailFraction());
        try (DrillStack stack = new DrillStack(workDir, options.delayLevels(), faults).withNotifyGateway()) {
            stack.start();
            Instant started = Instant.now();
            Ledger ledger = new Ledger(stack.database());
            System.out.printf("Sending %d pays from %d clients%n", options.pays(), options.clients());
            AtomicReference<Duration> restartTook = new AtomicReference<>();
            AtomicReference<Duration> gatewayRestartTook = new AtomicReference<>();
            AtomicInteger leasedAtKill = new AtomicInteger();
            List<String> notBack = new CopyOnWriteArrayList<>();
            List<PayLoad.Milestone> milestones = new ArrayList<>();
            if (options.killReceiver()) {
                milestones.add(new PayLoad.Milestone(DrillOptions.RECEIVER_KILLED_AT, () -> {
                    System.out.println("Halfway: SIGKILL account-service, then start it again");
                    long killed = System.nanoTime();
                    stack.killAccountService();
                    restart("account-service", stack::startAccountService, notBack);
                    restartTook.set(Duration.ofNanos(System.nanoTime() - killed));
                }));
            }
            if (options.killGateway()) {
                milestones.add(new PayLoad.Milestone(DrillOptions.GATEWAY_KILLED_AT, () -> {
                    System.out.println("At 60 %: SIGKILL notify-gateway, then start it again");
                    leasedAtKill.set(leasedTasks(ledger));
                    long killed = System.nanoTime();
                    stack.killGateway();
                    restart("notify-gateway", stack::startGateway, notBack);
                    gatewayRestartTook.set(Duration.ofNanos(System.nanoTime() - killed));
                }));
            }
            PayLoad.Result load = new PayLoad(options, stack.payUrl(), stack.accountUrl(), stack.notifyUrl())
                    .run(milestones);
            System.out.printf("Load done: %d accepted, %d refused; waiting for convergence%n", load.accepted(),
                    load.refused());
            long loadEnded = System.nanoTime();
            NotifierMetricsClient notifier = new NotifierMetricsClient(stack.payUrl());
            GatewayOperatorClient operator = new GatewayOperatorClient(stack.gatewayUrl());
            int recovered = 0;
            boolean converged = false;
            // A service that did not come back cannot converge: report at once instead of waiting out the timeout.
            while (!converged && notBack.isEmpty() && System.nanoTime() - loadEnded < options.timeout().toNanos()) {
                // Every announced pay (each names bank1) must have become a task, and every task be acknowledged.
                converged = ledger.converged() && ledger.gatewayDone(ledger.paysMade() - notifier.notAnnounced());
                if (!converged) {
                    if (ledger.failedTasks() > 0) {
                        // What an operator does once the receiver is back: give the tasks it gave up on fresh attempts.
                        recovered += operator.recover(DrillStack.RECEIVER_ID, started);
                    }
                    // Convergence is what is measured: poll the databases, nothing to be notified of.
                    Thread.sleep(500);
                }
            }
            Duration convergedAfter = Duration.ofNanos(System.nanoTime() - loadEnded);
            List<String> violations = new ArrayList<>(notBack);
            violations.addAll(ledger.violations());
            return new DrillReport(options, load, restartTook.get(), gatewayRestartTook.get(), leasedAtKill.get(),
                    convergedAfter, converged, ledger.pays(), ledger.recharges(), ledger.settlingPaths(),
                    ledger.gateway(), recovered, violations);
        }
    }

    /** Starts a killed service again; if even the second start fails, says so where the report will show it. */
    private static void restart(String service, Runnable start, List<String> notBack) {
        try {
            start.run();
        } catch (ProcessStartFailed e) {
            notBack.add(service + " did not start again: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static int leasedTasks(Ledger ledger) {
        try {
            return ledger.leasedTasks();
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the gateway's leased tasks", e);
        }
    }
}
