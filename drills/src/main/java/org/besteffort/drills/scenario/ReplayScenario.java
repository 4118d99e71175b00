package org.besteffort.drills.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Course scenario (c), idempotency: the same pay requested again and twice at once moves the balance once.
 */
class ReplayScenario extends Scenario {

    private static final BigDecimal FIRST = new BigDecimal("25.00");
    private static final BigDecimal SECOND = new BigDecimal("40.00");
    private static final BigDecimal CONFLICTING = new BigDecimal("99.00");
    private static final Duration POLL_EVERY = Duration.ofMillis(50);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    // Long enough to see that nothing more arrives once both pays are settled; short enough for a classroom.
    private static final Duration QUIET = Duration.ofSeconds(3);

    ReplayScenario() {
        super("replay",
                "course scenario (c): the same pay, again and at the same moment",
                "One pay is sent to pay-service twice in a row under the same txNo, another one twice at the same "
                + "moment from two threads. pay-service answers the pay it recorded instead of paying again, "
                + "refuses another amount under a used txNo, and each pay moves the balance once.");
    }

    @Override
    Verdict run(Stack stack, Timeline timeline) {
        try (FaultSwitches faults = FaultSwitches.take(stack, timeline)) {
            AccountView before = prepare(stack, timeline, faults, NotifierFaults.Change.OFF, ReceiverFaults.Change.OFF);
            List<String> problems = new ArrayList<>();
            String run = UUID.randomUUID().toString().substring(0, 8);

            PayRequest first = new PayRequest(ACCOUNT_NO, FIRST, "replay-" + run + "-1");
            PaymentView once = stack.pay().payOk(first);
            timeline.step("POST /paydo txNo " + first.txNo() + " " + FIRST + " -> 200 " + once.result() + ", paidAt "
                    + once.paidAt());
            PaymentView again = stack.pay().payOk(first);
            boolean samePay = again.paidAt().equals(once.paidAt());
            timeline.step("POST /paydo, the same body again -> 200 " + again.result() + ", paidAt " + again.paidAt()
                    + (samePay ? ": the recorded pay, not a new one" : ": another pay"));
            if (!samePay) {
                problems.add("the repeated request answered another pay (paidAt " + again.paidAt() + ")");
            }

            PayRequest second = new PayRequest(ACCOUNT_NO, SECOND, "replay-" + run + "-2");
            problems.addAll(payTwiceAtOnce(stack.pay(), second, timeline));

            Reply conflict = stack.pay().pay(new PayRequest(ACCOUNT_NO, CONFLICTING, first.txNo()));
            timeline.step("POST /paydo txNo " + first.txNo() + " with " + CONFLICTING + " instead of " + FIRST
                    + " -> " + conflict.status() + ": " + conflict.detail());
            if (conflict.status() != 409) {
                problems.add("another amount under a used txNo answered " + conflict.status() + ", not 409");
            }

            for (PayRequest pay : List.of(first, second)) {
                Watched<Optional<RechargeView>> watched = new Watch(timeline, POLL_EVERY).until(null,
                        () -> stack.account().recharge(pay.txNo()),
                        (was, now) -> RechargeNarration.changesOfAnnounced(was, now).stream()
                                .map(line -> pay.txNo() + ": " + line).toList(),
                        recharge -> recharge.isPresent() && !recharge.get().pending(), SETTLE_TIMEOUT);
                if (!watched.done()) {
                    return Verdict.unexpected("account-service had not settled txNo " + pay.txNo() + " "
                            + Timeline.human(watched.at()) + " into the run");
                }
            }
            AccountView settled = stack.account().account(ACCOUNT_NO);
            timeline.step(settled.balanceLine(before));

            List<String> moves = new ArrayList<>();
            Duration quietFrom = timeline.elapsed();
            Watched<AccountView> quiet = new Watch(timeline, POLL_EVERY).until(settled,
                    () -> stack.account().account(ACCOUNT_NO),
                    (was, now) -> {
                        if (was.accountBalance().compareTo(now.accountBalance()) == 0) {
                            return List.of();
                        }
                        moves.add(now.balanceLine(was));
                        return List.of("the balance moved again: " + now.balanceLine(before));
                    },
                    account -> false, QUIET);
            timeline.step("balance watched for " + Timeline.human(quiet.at().minus(quietFrom)) + " more: "
                    + (moves.isEmpty() ? "unchanged" : "moved " + moves.size() + " times"));

            BigDecimal moved = quiet.last().movedSince(before);
            BigDecimal oncePerPay = FIRST.add(SECOND);
            if (!moves.isEmpty() || moved.compareTo(oncePerPay) != 0) {
                problems.add("the balance moved " + moved.toPlainString() + " for two pays of " + FIRST + " and "
                        + SECOND);
            }
            if (!problems.isEmpty()) {
                return Verdict.unexpected(String.join("; ", problems) + ".");
            }
            return Verdict.expected("two pays sent four times (twice in a row, twice at once) moved the balance +"
                    + moved.toPlainString() + " = " + FIRST + " + " + SECOND + ", each pay once; the used txNo "
                    + "with another amount answered 409.");
        }
    }

    /** Two threads send the same request at the same moment; returns what went not as expected. */
    private static List<String> payTwiceAtOnce(PayServiceClient pay, PayRequest request, Timeline timeline) {
        List<Timed> answers = sendAtOnce(pay, request, timeline);
        Duration firstSent = answers.stream().map(Timed::sentAt).min(Duration::compareTo).orElseThrow();
        Duration lastSent = answers.stream().map(Timed::sentAt).max(Duration::compareTo).orElseThrow();
        timeline.step(firstSent, "two threads send POST /paydo txNo " + request.txNo() + " " + request.payAmount()
                + ", " + Timeline.human(lastSent.minus(firstSent)) + " apart");
        List<PaymentView> pays = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Timed> inAnswerOrder = answers.stream().sorted(Comparator.comparing(Timed::answeredAt)).toList();
        for (Timed answer : inAnswerOrder) {
            String thread = "thread " + (answers.indexOf(answer) + 1);
            Reply reply = answer.reply();
            String took = Timeline.human(answer.answeredAt().minus(answer.sentAt()));
            if (reply.status() == 200) {
                PaymentView paid = reply.as(PaymentView.class);
                pays.add(paid);
                timeline.step(answer.answeredAt(), thread + ": 200 " + paid.result() + " after " + took
                        + ", paidAt " + paid.paidAt());
            } else {
                timeline.step(answer.answeredAt(), thread + ": " + reply.status() + " after " + took + ": "
                        + reply.detail());
                problems.add(thread + " got " + reply.status());
            }
        }
        if (pays.size() == 2 && pays.get(0).paidAt().equals(pays.get(1).paidAt())) {
            timeline.step("both answers name the same pay (same paidAt): pay-service recorded it once");
        } else if (pays.size() == 2) {
            problems.add("the two threads were answered with different pays");
        }
        return problems;
    }

    private static List<Timed> sendAtOnce(PayServiceClient pay, PayRequest request, Timeline timeline) {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Timed>> answers = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    await(go);
                    Duration sentAt = timeline.elapsed();
                    Reply reply = pay.pay(request);
                    return new Timed(reply, sentAt, timeline.elapsed());
                }, threads));
            }
            await(ready);
            go.countDown();
            return answers.stream().map(ReplayScenario::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    private static Timed join(CompletableFuture<Timed> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while sending the twin requests");
        }
    }

    /** One request's answer, and when it was sent and answered on the timeline. */
    private record Timed(Reply reply, Duration sentAt, Duration answeredAt) {
    }
}
