package org.besteffort.drills.chaos;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients making pays: most straight at pay-service's {@code /paydo}, some as recharges started at
 * account-service, one in twenty above the simulated bank's limit (declined: result FAIL).
 */
final class PayLoad {

    private final DrillOptions options;
    private final String payUrl;
    private final String accountUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean halfwayDone = new AtomicBoolean();

    PayLoad(DrillOptions options, String payUrl, String accountUrl) {
        this.options = options;
        this.payUrl = payUrl;
        this.accountUrl = accountUrl;
    }

    /** Runs all pays; {@code halfway} runs once, on its own thread, when half of them have been sent. */
    Result run(Runnable halfway) throws InterruptedException {
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        Thread halfwayThread = new Thread(halfway, "drill-halfway");
        for (int c = 0; c < options.clients(); c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < options.pays(); i = next.getAndIncrement()) {
                    if (i == options.pays() / 2 && halfwayDone.compareAndSet(false, true)) {
                        halfwayThread.start();
                    }
                    pay(i);
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        if (halfwayDone.get()) {
            halfwayThread.join();
        }
        return new Result(accepted.get(), refused.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    private void pay(int i) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String accountNo = String.valueOf(i % 5 + 1);
        BigDecimal amount = i % 20 == 0 ? new BigDecimal("20000.00")
                : BigDecimal.valueOf(random.nextLong(1, 50_001), 2);
        boolean recharge = random.nextDouble() < options.rechargeShare();
        String url = recharge ? accountUrl + "/recharges" : payUrl + "/paydo";
        String body = recharge
                ? "{\"accountNo\":\"%s\",\"amount\":%s}".formatted(accountNo, amount.toPlainString())
                : "{\"accountNo\":\"%s\",\"payAmount\":%s,\"txNo\":\"chaos-%d\"}".formatted(accountNo,
                amount.toPlainString(), i);
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            (response.statusCode() < 300 ? accepted : refused).incrementAndGet();
        } catch (IOException e) {
            // account-service is down while it restarts: the client is refused, no pay is made.
            refused.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the clients saw. */
    record Result(int accepted, int refused, Duration elapsed) {

        double perSecond() {
            return accepted / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }
}
