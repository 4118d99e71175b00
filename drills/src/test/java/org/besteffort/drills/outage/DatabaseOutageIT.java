package org.besteffort.drills.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.besteffort.drills.DrillStack;
import org.besteffort.drills.chaos.Ledger;
import org.besteffort.drills.consistency.SendModeDrill;
import org.junit.jupiter.api.Test;

/**
 * MariaDB SIGKILLed under pay-service and account-service while clients pay: every request that reaches a service
 * while the database is down is answered 503 with {@code Retry-After} within the pool's connection timeout, none with a
 * 500 or a hang; once the database is back the same processes serve again, and every pay that committed is credited
 * exactly once (the deliveries that failed meanwhile were redelivered by the broker).
 */
class DatabaseOutageIT {

    private static final int CLIENTS = 8;

    /** Redeliveries use levels 3 and up: about a minute and a half of retries, longer than the outage. */
    private static final String DELAY_LEVELS = "1s 1s 1s 2s 3s 5s 5s 5s 5s 5s 5s 5s 5s 5s 5s 5s 5s 5s";

    /** The bar for a request that cannot reach the database; the pools wait 1 s for a connection. */
    private static final long ANSWER_WITHIN_MILLIS = 2_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

    @Test
    void answers503WhileTheDatabaseIsDownAndServesAgainWithoutARestartLosingNothing() throws Exception {
        Path workDir = Path.of("target", "database-outage-it").toAbsolutePath();
        try (DrillStack stack = new DrillStack(workDir, DELAY_LEVELS, DrillStack.Faults.NONE)) {
            stack.start();
            Map<String, Long> pidsBefore = stack.pids();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = payClients(stack.payUrl(), stop);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> count(answer -> answer.status() == 200) >= 40);

                stack.killDatabase();
                long killedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(60)).until(() -> count(answer -> answer.sentAt() > killedAt) >= 24);
                Answer balance = get(stack.accountUrl() + "/accounts/1");
                Answer payResult = get(stack.payUrl() + "/payresult/none-such");
                List<Answer> duringOutage = answers.stream().filter(answer -> answer.sentAt() > killedAt).toList();

                stack.startDatabase();
                long restartedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(60)).until(() -> count(answer -> answer.sentAt() > restartedAt
                        && answer.status() == 200) >= 8);
                stop.set(true);
                clients.shutdown();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                System.out.printf("Database outage: %d pays answered while it was down, all %s; slowest %d ms,"
                                + " median %d ms; GET /accounts/1 %d in %d ms, GET /payresult %d in %d ms%n",
                        duringOutage.size(), statuses(duringOutage), slowest(duringOutage), median(duringOutage),
                        balance.status(), balance.millis(), payResult.status(), payResult.millis());

                assertThat(duringOutage).allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                    assertThat(answer.retryAfter()).isEqualTo("5");
                    assertThat(answer.millis()).as(answer.toString()).isLessThanOrEqualTo(ANSWER_WITHIN_MILLIS);
                });
                for (Answer query : List.of(balance, payResult)) {
                    assertThat(query.status()).as(query.toString()).isEqualTo(503);
                    assertThat(query.retryAfter()).isEqualTo("5");
                    assertThat(query.millis()).isLessThanOrEqualTo(ANSWER_WITHIN_MILLIS);
                }
                // The request in flight when the server died is answered too: 200 if it committed, 503 if not.
                assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 503));
                assertThat(stack.pids()).as("the same processes, none restarted")
                        .containsEntry("pay-service", pidsBefore.get("pay-service"))
                        .containsEntry("account-service", pidsBefore.get("account-service"));

                Ledger ledger = new Ledger(stack.database());
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> assertThat(ledger.violations()).isEmpty());
                long paid = answers.stream().filter(answer -> answer.status() == 200).count();
                assertThat(SendModeDrill.count(stack.database(), "bank1_pay",
                        "SELECT COUNT(*) FROM account_pay WHERE result = 'SUCCESS'")).as("every pay answered 200 is recorded").isGreaterThanOrEqualTo(paid);
            } finally {
                stop.set(true);
                clients.shutdownNow();
            }
        }
    }

    /** {@value #CLIENTS} clients paying 1.00 into the five accounts in turn, each with a txNo of its own, until told. */
    private ExecutorService payClients(String payUrl, AtomicBoolean stop) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    int n = next.incrementAndGet();
                    String body = "{\"accountNo\":\"%d\",\"payAmount\":\"1.00\",\"txNo\":\"outage-%d\"}"
                            .formatted(n % 5 + 1, n);
                    answers.add(send(HttpRequest.newBuilder(URI.create(payUrl + "/paydo"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))));
                }
                return null;
            });
        }
        return clients;
    }

    private Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** One request with a client timeout far above the 2 s asked for: a hang shows as its own status, 0. */
    private Answer send(HttpRequest.Builder request) {
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(sentAt, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Answer(sentAt, System.nanoTime(), 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(sentAt, System.nanoTime(), 0, null);
        }
    }

    private long count(Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    private static Map<Integer, Long> statuses(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    private static long slowest(List<Answer> answers) {
        return answers.stream().mapToLong(Answer::millis).max().orElse(-1);
    }

    private static long median(List<Answer> answers) {
        long[] sorted = answers.stream().mapToLong(Answer::millis).sorted().toArray();
        return sorted.length == 0 ? -1 : sorted[sorted.length / 2];
    }

    /** What one request got: the status (0: no answer), its Retry-After, and when it was sent and answered. */
    private record Answer(long sentAt, long answeredAt, int status, String retryAfter) {

        long millis() {
            return (answeredAt - sentAt) / 1_000_000;
        }
    }
}
