package org.besteffort.notify.dispatch;

import org.besteffort.notify.receiver.Receiver;
import org.besteffort.notify.receiver.RegisteredReceivers;
import org.besteffort.notify.task.AttemptOutcome;
import org.besteffort.notify.task.NotifyEndpoint;
import org.besteffort.notify.task.NotifyTask;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP attempt: POSTs the task's body to its notify URL with the Standard Webhooks headers, without holding a
 * thread while the receiver thinks, and says how it ended.
 */
@Component
class NotifyDelivery implements AutoCloseable {

    /** Header telling the receiver which attempt this is (1 for the first); informational, not signed. */
    static final String ATTEMPT_HEADER = "notify-attempt";

    /** Enough of an answer to judge it: the ack is one word. */
    private static final int BODY_LIMIT = 4096;

    private final RegisteredReceivers receivers;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final ExecutorService httpThreads;
    private final HttpClient http;

    NotifyDelivery(RegisteredReceivers receivers, DeliveryProperties properties, Clock clock) {
        this.receivers = receivers;
        this.properties = properties;
        this.clock = clock;
        this.httpThreads = Executors.newFixedThreadPool(2, NotifyDispatcher.daemonThreads("notify-http-"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead to an address nobody registered
                .executor(httpThreads)
                .build();
    }

    /** Makes attempt {@code attemptNo} of the task; the future never fails, an error is a result too. */
    CompletableFuture<DeliveryResult> deliver(NotifyTask task, NotifyEndpoint endpoint, Receiver receiver,
                                              int attemptNo) {
        long started = System.nanoTime();
        Optional<String> refusal = receivers.refusal(receiver.id(), endpoint.notifyUrl());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(DeliveryResult.unreachable(0, refusal.get()));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.notifyUrl()))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "notify-gateway")
                .header("webhook-id", task.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", receivers.sign(receiver.id(), task.webhookId(), timestamp, task.payload()))
                .header(ATTEMPT_HEADER, Integer.toString(attemptNo))
                .POST(HttpRequest.BodyPublishers.ofString(task.payload()))
                .build();
        return http.sendAsync(request, LimitedBody.handler(BODY_LIMIT))
                // The client's own timeout covers the answer's headers; this one covers a body that never ends.
                .orTimeout(properties.longestAttempt().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, error) -> error == null
                        ? judge(receiver, response, millisSince(started))
                        : DeliveryResult.unreachable(millisSince(started), describe(error)));
    }

    private DeliveryResult judge(Receiver receiver, HttpResponse<String> response, int latencyMs) {
        int status = response.statusCode();
        String body = response.body();
        String excerpt = body.length() > properties.maxResponseExcerpt()
                ? body.substring(0, properties.maxResponseExcerpt()) : body;
        if (receiver.ack().acknowledges(status, body)) {
            return new DeliveryResult(AttemptOutcome.ACKED, status, latencyMs, excerpt, null, null);
        }
        if (status == 410) {
            return new DeliveryResult(AttemptOutcome.GONE, status, latencyMs, excerpt, "410 Gone", null);
        }
        if (status == 429 || status == 503) {
            Duration retryAfter = response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
            return new DeliveryResult(AttemptOutcome.THROTTLED, status, latencyMs, excerpt,
                    status + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s"), retryAfter);
        }
        String why = status >= 200 && status < 300 ? "answered " + status + " without the acknowledgement"
                : "answered " + status;
        return new DeliveryResult(AttemptOutcome.REFUSED, status, latencyMs, excerpt, why, null);
    }

    /** Retry-After is either seconds or an HTTP date; anything else is ignored. */
    private Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant until = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), until);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof java.net.http.HttpConnectTimeoutException) {
            return "could not connect in time";
        }
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static int millisSince(long nanos) {
        return (int) ((System.nanoTime() - nanos) / 1_000_000);
    }

    @Override
    public void close() {
        httpThreads.shutdownNow();
    }
}
