package org.besteffort.drills.chaos;

import org.besteffort.drills.DrillStack;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients making pays: most straight at pay-service's {@code /paydo}, some as recharges started at
 * account-service, one in twenty above the simulated bank's limit (declined: result FAIL). Every pay names bank1 and
 * its notify URL (recharges do so by themselves), so the notify gateway delivers each one over HTTP too.
 */
final class PayLoad {

    private final DrillOptions options;
    private final String payUrl;
    private final String accountUrl;
    private final String notifyUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    PayLoad(DrillOptions options, String payUrl, String accountUrl, String notifyUrl) {
        this.options = options;
        this.payUrl = payUrl;
        this.accountUrl = accountUrl;
        this.notifyUrl = notifyUrl;
    }

    /** Runs all pays; each milestone's action runs once, on its own thread, when its share of them has been sent. */
    Result run(List<Milestone> milestones) throws InterruptedException {
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        List<Thread> actions = new ArrayList<>();
        for (Milestone milestone : milestones) {
            actions.add(new Thread(milestone.action(), "drill-at-" + Math.round(milestone.share() * 100)));
        }
        for (int c = 0; c < options.clients(); c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < options.pays(); i = next.getAndIncrement()) {
                    for (int m = 0; m < milestones.size(); m++) {
                        // Each index is taken by one client only: the action starts once.
                        if (i == (int) (options.pays() * milestones.get(m).share())) {
                            actions.get(m).start();
                        }
                    }
                    pay(i);
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        for (Thread action : actions) {
            if (action.getState() != Thread.State.NEW) {
                action.join();
            }
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
                : ("{\"accountNo\":\"%s\",\"payAmount\":%s,\"txNo\":\"chaos-%d\",\"receiverId\":\"%s\","
                + "\"notifyUrl\":\"%s\"}").formatted(accountNo, amount.toPlainString(), i, DrillStack.RECEIVER_ID,
                notifyUrl);
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

    /** Something to do once {@code share} of the pays have been sent (0.5: halfway), such as killing a service. */
    record Milestone(double share, Runnable action) {
    }

    /** What the clients saw. */
    record Result(int accepted, int refused, Duration elapsed) {

        double perSecond() {
            return accepted / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }
}
