package org.besteffort.drills.benchmark;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.RepositoryRoot;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: on a throwaway stack (or the running local stack), end-to-end pays at a fixed rate and at maximum
 * throughput, settled pays counted where the balance is applied, then the database's raw rate for one pay's commits.
 * Prints a table and writes a JSON result file. A console program: it reports on standard output.
 *
 * <p>Run by {@code ./mvnw -Pbenchmark package} ({@code -Dbench.rate=100 -Dbench.clients=16 -Dbench.duration=PT30S
 * -Dbench.stack=running}).
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path workDir = Path.of("target", "benchmark-" + stamp).toAbsolutePath();
        Files.createDirectories(workDir);
        PrintStream out = System.out;
        try (StackUnderTest stack = options.running() ? StackUnderTest.running(RepositoryRoot.find())
                : StackUnderTest.own(workDir)) {
            out.printf("Benchmark on %s%n", stack.description());
            if (options.running()) {
                out.println("Its pays are real: they stay in the stack's data (-Dlocal.reset=true starts it afresh).");
            }
            String runId = "bench-" + stamp;
            out.printf("Warm-up: %d clients for %s, not measured%n", options.clients(), options.warmup());
            new LoadPhase(stack.payUrl(), stack.database(), runId).warmUp(options.clients(), options.warmup());
            out.printf("Fixed rate: %d pays/s%n", options.rate());
            var fixed = new LoadPhase(stack.payUrl(), stack.database(), runId).fixedRate("fixed-rate", options.rate(),
                    options.warmup(), options.duration());
            out.printf("Maximum throughput: %d clients%n", options.clients());
            var pids = Footprint.withLoadGenerator(stack.pids());
            var maximumCpu = Footprint.cpuFrom(pids);
            long questionsBefore = questions(stack.database());
            JfrProfile profile = options.profile() ? JfrProfile.start(services(stack.pids()), workDir.resolve("jfr"))
                    : null;
            var maximum = new LoadPhase(stack.payUrl(), stack.database(), runId).maximum("maximum", options.clients(),
                    options.warmup(), options.duration());
            if (profile != null) {
                profile.stopAndReport(out, 12);
            }
            Map<String, Double> maximumCores = maximumCpu.cores();
            // Unlike CPU time, this does not depend on how busy the machine's host is.
            double statementsPerPay = (questions(stack.database()) - questionsBefore)
                    / (double) maximum.creditedDuringPhase();
            // Last: its ~100,000 rows keep InnoDB busy purging and flushing for a while, which must not land in the
            // end-to-end latencies.
            out.printf("Raw JDBC: one pay's commits at %d clients, %s warm-up, %s measured%n", options.clients(),
                    options.warmup(), options.duration());
            var rawCpu = Footprint.cpuFrom(pids);
            double raw = new RawCommitRate(stack.database()).measure(options.clients(), options.warmup(),
                    options.duration());
            Map<String, Double> rawCores = rawCpu.cores();
            var rss = Footprint.residentMiB(stack.pids());
            Map<String, Object> result = result(options, raw, fixed, maximum, rss);
            result.put("cpuCoresDuringMaximum", maximumCores);
            result.put("cpuCoresDuringRawJdbc", rawCores);
            result.put("databaseStatementsPerSettledPay", statementsPerPay);
            print(out, options, raw, fixed, maximum, rss);
            printCpu(out, maximumCores, maximum.creditedPerSecond(), rawCores, raw);
            out.printf("%nstatements the database ran per settled pay during the maximum phase: %.1f%n",
                    statementsPerPay);
            Path json = workDir.resolve("benchmark.json");
            Files.writeString(json, JSON.toJSONString(result, JSONWriter.Feature.PrettyFormat));
            out.printf("%nJSON result: %s%n", json);
        }
    }

    private static void print(PrintStream out, BenchmarkOptions options, double raw, LoadPhase.Result fixed,
                              LoadPhase.Result maximum, Map<String, Long> rss) {
        out.println();
        out.printf("%-34s %12s %12s %9s %9s %9s %9s%n", "phase", "accepted/s", "settled/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        for (LoadPhase.Result phase : List.of(fixed, maximum)) {
            Percentiles latency = phase.latency();
            out.printf("%-34s %12.1f %12.1f %9.1f %9.1f %9.1f %9.1f%n", phase.name(), phase.acceptedPerSecond(),
                    phase.creditedPerSecond(), latency.p50(), latency.p95(), latency.p99(), latency.max());
        }
        out.printf("%-34s %12s %12.1f%n", "raw JDBC, same commits", "", raw);
        out.printf("%nend-to-end / raw at %d clients: %.2f%n", options.clients(), maximum.creditedPerSecond() / raw);
        out.println("latency = account_pay.created_at (pay-service, in the pay transaction) -> "
                + "de_duplication.created (account-service, in the apply transaction)");
        out.println();
        out.println("backlog at maximum throughput (accepted - credited), once a second:");
        StringBuilder line = new StringBuilder("  ");
        maximum.samples().forEach(sample -> line.append(sample.backlog()).append(' '));
        out.println(line);
        var samples = maximum.samples();
        var start = samples.get((int) options.warmup().toSeconds());
        var end = samples.get(samples.size() - 1);
        out.printf("backlog change over the measured part: %+d pays (%+.1f pays/s); drained %.1f s after the load%n",
                end.backlog() - start.backlog(),
                (end.backlog() - start.backlog()) / ((end.elapsedMillis() - start.elapsedMillis()) / 1000.0),
                maximum.drained().toMillis() / 1000.0);
        out.printf("%nresident memory (MiB): %s, together %d%n", rss,
                rss.values().stream().mapToLong(Long::longValue).sum());
    }

    /** The services among the stack's processes: the JVMs whose CPU the profile breaks down. */
    private static Map<String, Long> services(Map<String, Long> pids) {
        Map<String, Long> services = new LinkedHashMap<>(pids);
        services.keySet().removeIf(name -> !name.endsWith("-service") && !name.equals("notify-gateway"));
        return services;
    }

    /** Statements the server has run since it started, from every client ({@code Questions}). */
    public static long questions(Database database) throws SQLException {
        try (Connection db = database.connect("");
             ResultSet row = db.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            row.next();
            return row.getLong(2);
        }
    }

    /** Cores per process in the two phases that saturate the machine, and what that makes per pay. */
    private static void printCpu(PrintStream out, Map<String, Double> maximumCores, double settledPerSecond,
                                 Map<String, Double> rawCores, double rawPerSecond) {
        out.printf("%nCPU in cores (the machine has %d)        maximum   raw JDBC%n",
                Runtime.getRuntime().availableProcessors());
        maximumCores.forEach((name, cores) -> out.printf("  %-36s %8.2f %10.2f%n", name, cores, rawCores.get(name)));
        double maximumTotal = maximumCores.values().stream().mapToDouble(Double::doubleValue).sum();
        double rawTotal = rawCores.values().stream().mapToDouble(Double::doubleValue).sum();
        out.printf("  %-36s %8.2f %10.2f%n", "together", maximumTotal, rawTotal);
        out.printf("  %-36s %8.2f %10.2f%n", "CPU ms per settled pay", maximumTotal / settledPerSecond * 1000,
                rawTotal / rawPerSecond * 1000);
    }

    private static Map<String, Object> result(BenchmarkOptions options, double raw, LoadPhase.Result fixed,
                                              LoadPhase.Result maximum, Map<String, Long> rss) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("options", Map.of("rate", options.rate(), "clients", options.clients(),
                "warmupSeconds", options.warmup().toSeconds(), "durationSeconds", options.duration().toSeconds(),
                "stack", options.running() ? "running" : "own"));
        result.put("rawJdbcPaysPerSecond", raw);
        for (LoadPhase.Result phase : List.of(fixed, maximum)) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("acceptedPerSecond", phase.acceptedPerSecond());
            figures.put("settledPerSecond", phase.creditedPerSecond());
            figures.put("latencyMillis", phase.latency());
            figures.put("backlogPerSecond", phase.samples().stream().map(LoadPhase.Sample::backlog).toList());
            figures.put("drainedSeconds", phase.drained().toMillis() / 1000.0);
            result.put(phase.name(), figures);
        }
        result.put("endToEndOverRaw", maximum.creditedPerSecond() / raw);
        result.put("residentMiB", rss);
        return result;
    }
}
