package org.besteffort.drills.benchmark;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The notify gateway's benchmark (scheme 2): on a throwaway stack with a receiver that answers at once, how fast the
 * gateway drains a backlog and what memory and CPU that costs, then the pay-commit → notification-acknowledged latency
 * at a fixed rate of pays. Prints each phase's figures and a table, and writes a JSON result file. A console program:
 * it reports on standard output.
 *
 * <p>Run by {@code ./mvnw -Pnotify-benchmark package} ({@code -Dnotify.backlog=100000 -Dnotify.rate=100
 * -Dnotify.duration=PT30S -Dnotify.per-endpoint=8}).
 */
public final class NotifyBenchmark {

    /** The latency phase's percentiles are also given per window this long. */
    private static final Duration LATENCY_WINDOW = Duration.ofSeconds(5);

    /**
     * Before the latency phase, InnoDB purges the old row versions the drain left (history list length below this),
     * so that the phase does not start on a server still cleaning up after the drain.
     */
    private static final long PURGED_BELOW = 1_000;

    private static final Duration PURGE_AT_MOST = Duration.ofMinutes(3);

    private NotifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        NotifyBenchmarkOptions options = NotifyBenchmarkOptions.parse(args);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path workDir = Path.of("target", "notify-benchmark-" + stamp).toAbsolutePath();
        Files.createDirectories(workDir);
        PrintStream out = System.out;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("options", Map.of("backlog", options.backlog(), "rate", options.rate(),
                "durationSeconds", options.duration().toSeconds(),
                "perEndpoint", options.gatewayDefaultPerEndpoint() ? "gateway default" : options.perEndpoint()));
        try (CountingReceiver receiver = CountingReceiver.start();
             NotifyStack stack = new NotifyStack(workDir, receiver.url(), options.perEndpoint())) {
            stack.start();
            out.printf("Notify gateway benchmark on a stack of its own in %s%n", workDir);
            out.printf("Receiver '%s' at %s, in the benchmark's JVM: answers \"success\" at once, verifies nothing.%n",
                    NotifyStack.RECEIVER_ID, receiver.url());
            out.println("account-service is not part of this stack: these figures are the gateway's with a receiver "
                    + "that costs nothing.");
            GatewayActuatorClient gateway = new GatewayActuatorClient(stack.gatewayUrl());
            Map<String, Object> dispatch = gateway.dispatchSettings();
            result.put("gatewayDispatch", dispatch);
            out.printf("Gateway dispatcher (its /actuator/configprops): %s%n", dispatch);

            out.printf("%nDrain: %,d tasks written into bank1_notify, then made due at once%n", options.backlog());
            BacklogDrain.Result drain = new BacklogDrain(stack, receiver, gateway, "drain-" + stamp + "-")
                    .run(options.backlog());
            printDrain(out, drain);
            result.put("drain", drainFigures(drain));

            long historyAfterDrain = ServerStatus.historyListLength(stack.database());
            Duration purge = ServerStatus.awaitPurged(stack.database(), PURGED_BELOW, PURGE_AT_MOST);
            long historyBeforeLatency = ServerStatus.historyListLength(stack.database());
            out.printf("%nInnoDB history list length %,d after the drain; waited %.1f s for the purge: %,d now%n",
                    historyAfterDrain, seconds(purge), historyBeforeLatency);
            result.put("purgeBeforeLatency", Map.of("historyListLengthAfterDrain", historyAfterDrain,
                    "waitedSeconds", seconds(purge), "historyListLengthAtStart", historyBeforeLatency));

            if (!options.warmup().isZero()) {
                NotifyLatencyPhase.Result warmup = new NotifyLatencyPhase(stack.payUrl(), receiver.url(),
                        stack.database(), receiver, gateway, "warm-" + stamp + "-").run(options.rate(),
                        options.warmup());
                out.printf("%nWarm-up, not measured: %,d pays at %d/s for %s, %,d acknowledged%n", warmup.sent(),
                        options.rate(), options.warmup(), warmup.acknowledged());
            }
            out.printf("%nLatency: %d pays/s for %s, each naming receiver '%s'%n", options.rate(), options.duration(),
                    NotifyStack.RECEIVER_ID);
            NotifyLatencyPhase.Result latency = new NotifyLatencyPhase(stack.payUrl(), receiver.url(),
                    stack.database(), receiver, gateway, "lat-" + stamp + "-").run(options.rate(), options.duration());
            printLatency(out, latency);
            result.put("latency", latencyFigures(latency));

            Map<String, Long> rss = Footprint.residentMiB(stack.pids());
            result.put("residentMiBAtEnd", rss);
            long warnings = warnings(stack.gatewayLog());
            result.put("gatewayWarnLines", warnings);
            printTable(out, drain, latency, rss);
            out.printf("%ngateway log: %d WARN/ERROR lines (%s)%n", warnings, stack.gatewayLog());
            Path json = workDir.resolve("notify-benchmark.json");
            Files.writeString(json, JSON.toJSONString(result, JSONWriter.Feature.PrettyFormat));
            out.printf("JSON result: %s%n", json);
            out.println("Stopping the stack (killed: it is thrown away); its database and broker store are deleted, "
                    + "the logs kept.");
        }
    }

    private static void printDrain(PrintStream out, BacklogDrain.Result drain) {
        out.printf("  written in %.1f s (%,.0f rows/s in batches of 1,000); made due in one UPDATE in %.1f s%n",
                seconds(drain.inserted()), drain.insertedPerSecond(), seconds(drain.releaseTook()));
        out.printf("  acknowledged %,d of %,d in %.1f s after the release: %,.1f notifications/s%n",
                drain.acknowledged(), drain.backlog(), seconds(drain.lastAck()), drain.perSecond());
        DeliveryRate rate = drain.rate();
        out.printf("  per second (whole seconds, by succeeded_at): min %,.0f, median %,.0f, max %,.0f; "
                + "first acknowledgement %d ms after the release%n", rate.min(), rate.median(), rate.max(),
                drain.firstAck().toMillis());
        DrainSamples.Range rss = drain.samples().rssMiB();
        DrainSamples.Range heap = drain.samples().heapUsedMiB();
        out.printf("  gateway RSS MiB: start %.0f, max %.0f, end %.0f; slope %+.2f MiB per 10,000 tasks (second half "
                        + "of the drain: %+.2f)%n", rss.start(), rss.max(), rss.end(),
                drain.samples().rssSlopeMiBPer10kTasks(), drain.samples().rssSlopeMiBPer10kTasksSecondHalf());
        out.printf("  gateway heap used MiB: start %.0f, max %.0f, end %.0f%n", heap.start(), heap.max(), heap.end());
        out.printf("  InnoDB history list length (old row versions not yet purged): max %,d, at the end %,d%n",
                drain.samples().samples().stream().mapToLong(DrainSamples.Sample::historyListLength).max().orElse(0),
                drain.samples().samples().get(drain.samples().samples().size() - 1).historyListLength());
        out.printf("  CPU in cores over the drain (the machine has %d):%n", Runtime.getRuntime().availableProcessors());
        drain.cores().forEach((name, cores) -> out.printf("    %-30s %5.2f%n", name, cores));
        out.printf("    %-30s %5.2f   (%.2f CPU ms per notification)%n", "together",
                drain.cores().values().stream().mapToDouble(Double::doubleValue).sum(),
                drain.cpuMillisPerNotification());
        out.printf("  receiver saw %,d requests for %,d notifications: %,d repeats; the gateway logged %,d attempts; "
                        + "%,d tasks not SUCCEEDED%n", drain.received().requests(), drain.received().distinctIds(),
                drain.received().repeats(), drain.attempts().recorded(), drain.attempts().notDone());
        out.printf("  database: %.1f statements and %.2f commits per notification (all clients; the benchmark's polling "
                + "adds about 3 statements a second)%n", drain.statementsPerNotification(),
                drain.commitsPerNotification());
        out.printf("  row locks waited for in the database: %,d times, %,d ms in all%n", drain.lockWaits().waits(),
                drain.lockWaits().totalMillis());
        Percentiles roundTrip = drain.attempts().roundTrip();
        out.printf("  HTTP round trip per attempt as the gateway measured it (latency_ms), ms: p50 %.0f, p99 %.0f, "
                + "max %.0f%n", roundTrip.p50(), roundTrip.p99(), roundTrip.max());
    }

    private static void printLatency(PrintStream out, NotifyLatencyPhase.Result latency) {
        Percentiles p = latency.latency();
        out.printf("  sent %,d (%.1f/s), accepted %,d, refused %,d; acknowledged %,d, all %.1f s after the last "
                        + "pay was answered%n", latency.sent(), latency.sentPerSecond(), latency.accepted(),
                latency.refused(), latency.acknowledged(), seconds(latency.settled()));
        out.printf("  pay commit -> notification acknowledged, ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f (%,d pays)%n",
                p.p50(), p.p95(), p.p99(), p.max(), p.count());
        out.println("  from notify_task.paid_at (pay-service's clock, in the pay's transaction) to "
                + "notify_task.succeeded_at (the gateway's, when it records the receiver's \"success\")");
        StringBuilder windows = new StringBuilder();
        latency.latencies().byWindow(LATENCY_WINDOW).forEach(window -> windows.append(" %.0f/%.0f".formatted(
                window.p50(), window.p99())));
        out.printf("  p50/p99 ms by %d s of the phase:%s%n", LATENCY_WINDOW.toSeconds(), windows);
        Percentiles warm = latency.latencies().from(LATENCY_WINDOW);
        out.printf("  without the first %d s: p50 %.1f, p95 %.1f, "
                + "p99 %.1f, max %.1f (%,d pays)%n", LATENCY_WINDOW.toSeconds(), warm.p50(), warm.p95(), warm.p99(),
                warm.max(), warm.count());
        NotifyLatencyPhase.Stages stages = latency.stages();
        out.printf("  where it goes, ms p50 / p99: intake (paid_at -> task created_at) %.0f / %.0f; waiting for the "
                        + "dispatcher (created_at -> first attempt started_at) %.0f / %.0f; attempt (started_at -> "
                        + "succeeded_at) %.0f / %.0f%n", stages.intake().p50(), stages.intake().p99(),
                stages.dispatchWait().p50(), stages.dispatchWait().p99(), stages.attempt().p50(),
                stages.attempt().p99());
        out.printf("  row locks waited for in the database: %,d times, %,d ms in all%n", latency.lockWaits().waits(),
                latency.lockWaits().totalMillis());
        out.printf("  gateway threads waiting for one of its %d database connections, once a second: %s%n",
                latency.poolSize(), latency.poolPending());
        out.printf("  receiver saw %,d requests, %,d repeats%n", latency.received().requests(),
                latency.received().repeats());
    }

    private static void printTable(PrintStream out, BacklogDrain.Result drain, NotifyLatencyPhase.Result latency,
                                   Map<String, Long> rss) {
        DeliveryRate rate = drain.rate();
        DrainSamples.Range gatewayRss = drain.samples().rssMiB();
        DrainSamples.Range heap = drain.samples().heapUsedMiB();
        Percentiles p = latency.latency();
        out.println();
        row(out, "figure", "value");
        row(out, "backlog written (rows/s)", "%,.0f".formatted(drain.insertedPerSecond()));
        row(out, "drain: tasks acknowledged", "%,d of %,d".formatted(drain.acknowledged(), drain.backlog()));
        row(out, "drain: seconds", "%.1f".formatted(seconds(drain.lastAck())));
        row(out, "drain: notifications/s", "%,.1f".formatted(drain.perSecond()));
        row(out, "drain: per second min / median / max", "%,.0f / %,.0f / %,.0f".formatted(rate.min(),
                rate.median(), rate.max()));
        row(out, "drain: gateway RSS start / max / end MiB", "%.0f / %.0f / %.0f".formatted(gatewayRss.start(),
                gatewayRss.max(), gatewayRss.end()));
        row(out, "drain: gateway RSS slope MiB per 10k tasks", "%+.2f (second half %+.2f)".formatted(
                drain.samples().rssSlopeMiBPer10kTasks(), drain.samples().rssSlopeMiBPer10kTasksSecondHalf()));
        row(out, "drain: gateway heap start / max / end MiB", "%.0f / %.0f / %.0f".formatted(heap.start(),
                heap.max(), heap.end()));
        row(out, "drain: gateway CPU cores", "%.2f".formatted(drain.cores().get("notify-gateway")));
        row(out, "drain: CPU ms per notification, all", "%.2f".formatted(drain.cpuMillisPerNotification()));
        row(out, "drain: statements / commits per notification", "%.1f / %.2f".formatted(
                drain.statementsPerNotification(), drain.commitsPerNotification()));
        row(out, "drain: receiver requests / repeats", "%,d / %,d".formatted(drain.received().requests(),
                drain.received().repeats()));
        row(out, "latency: pays/s sent", "%.1f".formatted(latency.sentPerSecond()));
        row(out, "latency: acknowledged / accepted", "%,d / %,d".formatted(latency.acknowledged(),
                latency.accepted()));
        row(out, "latency: p50 / p95 / p99 / max ms", "%.1f / %.1f / %.1f / %.1f".formatted(p.p50(), p.p95(),
                p.p99(), p.max()));
        Percentiles warm = latency.latencies().from(LATENCY_WINDOW);
        row(out, "latency after the first 5 s: same", "%.1f / %.1f / %.1f / %.1f".formatted(warm.p50(), warm.p95(),
                warm.p99(), warm.max()));
        row(out, "latency: row lock waits / most waiting for a conn.", "%,d / %d (pool of %d)".formatted(
                latency.lockWaits().waits(), latency.poolPending().stream().mapToInt(Integer::intValue).max().orElse(0),
                latency.poolSize()));
        row(out, "resident memory at the end MiB", rss + ", together "
                + rss.values().stream().mapToLong(Long::longValue).sum());
    }

    private static void row(PrintStream out, String figure, String value) {
        out.printf("%-50s %s%n", figure, value);
    }

    private static Map<String, Object> drainFigures(BacklogDrain.Result drain) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("backlog", drain.backlog());
        figures.put("insertSeconds", seconds(drain.inserted()));
        figures.put("insertRowsPerSecond", drain.insertedPerSecond());
        figures.put("releaseUpdateSeconds", seconds(drain.releaseTook()));
        figures.put("acknowledged", drain.acknowledged());
        figures.put("firstAckMillis", drain.firstAck().toMillis());
        figures.put("drainSeconds", seconds(drain.lastAck()));
        figures.put("notificationsPerSecond", drain.perSecond());
        figures.put("perSecond", drain.rate().perSecond());
        figures.put("perSecondMin", drain.rate().min());
        figures.put("perSecondMedian", drain.rate().median());
        figures.put("perSecondMax", drain.rate().max());
        figures.put("gatewayRssMiB", drain.samples().rssMiB());
        figures.put("gatewayRssSlopeMiBPer10kTasks", drain.samples().rssSlopeMiBPer10kTasks());
        figures.put("gatewayRssSlopeMiBPer10kTasksSecondHalf", drain.samples().rssSlopeMiBPer10kTasksSecondHalf());
        figures.put("gatewayHeapUsedMiB", drain.samples().heapUsedMiB());
        figures.put("samples", drain.samples().samples());
        figures.put("cpuCores", drain.cores());
        figures.put("cpuMillisPerNotification", drain.cpuMillisPerNotification());
        figures.put("statementsPerNotification", drain.statementsPerNotification());
        figures.put("commitsPerNotification", drain.commitsPerNotification());
        figures.put("rowLockWaits", drain.lockWaits());
        figures.put("receiverRequests", drain.received().requests());
        figures.put("receiverRepeats", drain.received().repeats());
        figures.put("attemptsRecorded", drain.attempts().recorded());
        figures.put("attemptRoundTripMillis", drain.attempts().roundTrip());
        figures.put("tasksNotSucceeded", drain.attempts().notDone());
        return figures;
    }

    private static Map<String, Object> latencyFigures(NotifyLatencyPhase.Result latency) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sent", latency.sent());
        figures.put("sentPerSecond", latency.sentPerSecond());
        figures.put("accepted", latency.accepted());
        figures.put("refused", latency.refused());
        figures.put("acknowledged", latency.acknowledged());
        figures.put("settledSecondsAfterLastPay", seconds(latency.settled()));
        figures.put("latencyMillis", latency.latency());
        figures.put("latencyMillisBy5Seconds", latency.latencies().byWindow(LATENCY_WINDOW));
        figures.put("latencyMillisAfterFirst5Seconds", latency.latencies().from(LATENCY_WINDOW));
        figures.put("intakeMillis", latency.stages().intake());
        figures.put("dispatchWaitMillis", latency.stages().dispatchWait());
        figures.put("attemptMillis", latency.stages().attempt());
        figures.put("rowLockWaits", latency.lockWaits());
        figures.put("gatewayConnectionsPendingPerSecond", latency.poolPending());
        figures.put("gatewayConnectionPoolSize", latency.poolSize());
        figures.put("receiverRequests", latency.received().requests());
        figures.put("receiverRepeats", latency.received().repeats());
        return figures;
    }

    /** Lines the gateway logged at WARN or ERROR (it runs with org.besteffort at WARN). */
    private static long warnings(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
