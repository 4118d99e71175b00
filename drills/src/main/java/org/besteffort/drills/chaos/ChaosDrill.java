package org.besteffort.drills.chaos;

import org.besteffort.drills.DrillStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chaos drill: starts a stack of its own, makes the pays with faults on, kills the receiver halfway, waits for
 * convergence and checks that every successful pay was credited exactly once. Exit code 1 on any violation.
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
        System.out.printf("Chaos drill in %s: starting broker, MariaDB, pay-service, account-service%n", workDir);
        var faults = new DrillStack.Faults(options.dropFraction(), options.duplicateFraction(), options.failFraction());
        try (DrillStack stack = new DrillStack(workDir, options.delayLevels(), faults)) {
            stack.start();
            Ledger ledger = new Ledger(stack.database());
            System.out.printf("Sending %d pays from %d clients%n", options.pays(), options.clients());
            AtomicReference<Duration> restartTook = new AtomicReference<>();
            PayLoad.Result load = new PayLoad(options, stack.payUrl(), stack.accountUrl()).run(() -> {
                if (options.killReceiver()) {
                    System.out.println("Halfway: SIGKILL account-service, then start it again");
                    long killed = System.nanoTime();
                    stack.killAccountService();
                    stack.startAccountService();
                    restartTook.set(Duration.ofNanos(System.nanoTime() - killed));
                }
            });
            System.out.printf("Load done: %d accepted, %d refused; waiting for convergence%n", load.accepted(),
                    load.refused());
            long loadEnded = System.nanoTime();
            boolean converged = false;
            while (!converged && System.nanoTime() - loadEnded < options.timeout().toNanos()) {
                converged = ledger.converged();
                if (!converged) {
                    // Convergence is what is measured: poll the databases, nothing to be notified of.
                    Thread.sleep(500);
                }
            }
            Duration convergedAfter = Duration.ofNanos(System.nanoTime() - loadEnded);
            return new DrillReport(options, load, restartTook.get(), convergedAfter, converged, ledger.pays(),
                    ledger.recharges(), ledger.settlingPaths(), ledger.violations());
        }
    }
}
