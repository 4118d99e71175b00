package org.besteffort.console.browser;

import org.besteffort.drills.DrillStack;
import org.besteffort.drills.benchmark.Footprint;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.LocalStackLayout;
import org.besteffort.local.infra.RepositoryRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a console left open costs ({@code ./mvnw -Pconsole-cost package}): a stack of its own under a fixed rate of
 * pays that name bank1 (so all three services journal), first with no console, then with the console running and
 * its page open in a real browser for {@code cost.watched}, then without it again. Per window it prints the services'
 * CPU per pay and the mean time from a pay's commit to its credit; for the console, its own CPU and memory; for the
 * page, the browser's JavaScript heap, the page's element count and Chromium's resident memory, sampled as it runs.
 */
public final class ConsoleCost {

    private static final Logger log = LoggerFactory.getLogger(ConsoleCost.class);
    private static final Pattern MEASURE = Pattern.compile("\"statistic\":\"(COUNT|TOTAL_TIME)\",\"value\":([0-9.E+-]+)");

    private final int rate = Integer.getInteger("cost.rate", 100);
    private final Duration baseline = Duration.parse(System.getProperty("cost.baseline", "PT5M"));
    private final Duration watched = Duration.parse(System.getProperty("cost.watched", "PT60M"));
    private final Duration window = Duration.parse(System.getProperty("cost.window", "PT10M"));
    private final Duration sample = Duration.parse(System.getProperty("cost.sample", "PT1M"));
    private final PrintStream out = System.out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong paid = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private DrillStack stack;

    public static void main(String[] args) throws Exception {
        new ConsoleCost().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = RepositoryRoot.find().resolve("console/target/console-cost-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "Console cost: %d pays/s naming bank1; %s without the console, %s with it and a page"
                + " open (windows of %s), %s without it again. Work dir %s%n", rate, baseline, watched, window,
                baseline, dir);
        stack = new DrillStack(dir, DrillStack.DEFAULT_DELAY_LEVELS, DrillStack.Faults.NONE).withNotifyGateway();
        stack.start();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        try {
            load.scheduleAtFixedRate(this::payOnce, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            measure("warm-up (not counted)", Duration.ofSeconds(30), null, null);
            List<Window> windows = new ArrayList<>();
            windows.add(measure("no console", baseline, null, null));
            int port = LocalStackLayout.CONSOLE_PORT + 100;
            JavaProcess console = JavaProcess.start(RepositoryRoot.find().resolve("console/target/console.jar"),
                    LocalStackLayout.SERVICE_JVM_ARGS, List.of("--server.port=" + port,
                            "--console.pay-service=" + stack.payUrl(), "--console.account-service=" + stack.accountUrl(),
                            "--console.notify-gateway=" + stack.gatewayUrl(), "--console.notify-url=" + stack.notifyUrl()),
                    dir.resolve("console.log"), dir.resolve("console.pid"));
            console.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofSeconds(60));
            try (Browser browser = Browser.open(dir.resolve("screenshots"))) {
                browser.open("http://127.0.0.1:" + port + "/");
                Duration left = watched;
                int n = 1;
                while (!left.isNegative() && !left.isZero()) {
                    Duration length = left.compareTo(window) < 0 ? left : window;
                    windows.add(measure("console + page, window " + n++, length, console, browser));
                    left = left.minus(length);
                }
                browser.screenshot("console-under-load");
            } finally {
                console.stop();
            }
            windows.add(measure("no console, again", baseline, null, null));
            report(windows);
        } finally {
            load.shutdownNow();
            stack.close();
        }
    }

    private void payOnce() {
        String body = "{\"accountNo\":\"1\",\"payAmount\":\"1.00\",\"txNo\":\"cost-" + UUID.randomUUID()
                + "\",\"receiverId\":\"" + DrillStack.RECEIVER_ID + "\",\"notifyUrl\":\"" + stack.notifyUrl() + "\"}";
        http.sendAsync(HttpRequest.newBuilder(URI.create(stack.payUrl() + "/paydo"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((answer, failed) -> (failed == null && answer.statusCode() == 200 ? paid : refused)
                        .incrementAndGet());
    }

    private Window measure(String name, Duration length, JavaProcess console, Browser browser) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
        if (console != null) {
            pids.put("console", console.pid());
        }
        Footprint.Cpu cpu = Footprint.cpuFrom(pids);
        long paidBefore = paid.get();
        double[] settledBefore = settled();
        List<PageSample> samples = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(sample.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            if (browser != null) {
                samples.add(PageSample.of(browser, console));
            }
        }
        Map<String, Double> cores = cpu.cores();
        long pays = paid.get() - paidBefore;
        double[] settledAfter = settled();
        double credited = settledAfter[0] - settledBefore[0];
        double meanMs = credited == 0 ? Double.NaN : (settledAfter[1] - settledBefore[1]) * 1000 / credited;
        double servicesCores = cores.entrySet().stream().filter(e -> !e.getKey().equals("console"))
                .mapToDouble(Map.Entry::getValue).sum();
        double seconds = length.toMillis() / 1000.0;
        Window measured = new Window(name, pays, (long) credited, servicesCores * seconds * 1000 / Math.max(1, pays),
                meanMs, cores.getOrDefault("console", Double.NaN), samples);
        out.println(measured.line());
        return measured;
    }

    /** account-service's {@code notify.settle.latency}: credits so far and their total seconds, commit to credit. */
    private double[] settled() {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(stack.accountUrl()
                    + "/actuator/metrics/notify.settle.latency")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = MEASURE.matcher(body);
            double count = 0;
            double total = 0;
            while (m.find()) {
                if (m.group(1).equals("COUNT")) {
                    count = Double.parseDouble(m.group(2));
                } else {
                    total = Double.parseDouble(m.group(2));
                }
            }
            return new double[] {count, total};
        } catch (Exception e) {
            log.warn("could not read account-service's settle latency: {}", e.toString());
            return new double[] {0, 0};
        }
    }

    private void report(List<Window> windows) {
        out.println();
        out.println("| window | pays | credited | services' CPU ms per pay | mean commit -> credit ms | console cores |"
                + " page JS heap MB (first -> last) | page elements | Chromium RSS MB | console RSS MB |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        windows.forEach(w -> out.println(w.row()));
        out.printf(Locale.ROOT, "%nRefused or failed pays: %d%n", refused.get());
    }

    /** One measured stretch of time. */
    private record Window(String name, long pays, long credited, double cpuMsPerPay, double meanSettleMs,
                          double consoleCores, List<PageSample> samples) {

        String line() {
            return String.format(Locale.ROOT, "%-32s %7d pays, %7d credited, %.2f CPU ms/pay, mean %.1f ms%s", name,
                    pays, credited, cpuMsPerPay, meanSettleMs, samples.isEmpty() ? ""
                            : String.format(Locale.ROOT, ", page heap %.1f MB, %d elements",
                            samples.get(samples.size() - 1).heapMiB(), samples.get(samples.size() - 1).elements()));
        }

        String row() {
            if (samples.isEmpty()) {
                return String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.1f | — | — | — | — | — |", name, pays,
                        credited, cpuMsPerPay, meanSettleMs);
            }
            PageSample first = samples.get(0);
            PageSample last = samples.get(samples.size() - 1);
            return String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.1f | %.3f | %.1f -> %.1f | %d -> %d |"
                            + " %d -> %d | %d -> %d |", name, pays, credited, cpuMsPerPay, meanSettleMs, consoleCores,
                    first.heapMiB(), last.heapMiB(), first.elements(), last.elements(), first.chromiumMiB(),
                    last.chromiumMiB(), first.consoleMiB(), last.consoleMiB());
        }
    }

    /** The page and the console, once. */
    private record PageSample(double heapMiB, long elements, long chromiumMiB, long consoleMiB) {

        static PageSample of(Browser browser, JavaProcess console) {
            Number heap = (Number) browser.script("return performance.memory ? performance.memory.usedJSHeapSize : 0;");
            Number elements = (Number) browser.script("return document.getElementsByTagName('*').length;");
            long chromium = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().orElse("").contains("chromium"))
                    .mapToLong(p -> Math.max(0, Footprint.rssMiB(p.pid()))).sum();
            return new PageSample(heap.doubleValue() / (1024 * 1024), elements.longValue(), chromium,
                    Footprint.rssMiB(console.pid()));
        }
    }
}
