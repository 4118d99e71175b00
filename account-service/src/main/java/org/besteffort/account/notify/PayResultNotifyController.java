package org.besteffort.account.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.besteffort.account.receiver.ConditionalOnReceiverChannel;
import org.besteffort.account.receiver.PayResultApplier;
import org.besteffort.account.receiver.ReceiverChannel;
import org.besteffort.account.recharge.SettledBy;
import org.besteffort.common.PayResultNotification;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * {@code POST /notify/pay-result}, this receiver's notify_url: verifies the notify gateway's signature, checks the pay
 * against what is known here, hands it to the same applier as every other path, and answers {@code success}.
 * Exists only while {@code receiver.channels} lists {@code http}.
 */
@RestController
@ConditionalOnReceiverChannel(ReceiverChannel.HTTP)
class PayResultNotifyController {

    static final String ATTEMPT_HEADER = "notify-attempt";

    /** What a receiver that is down answers, switched on by a fault switch of the local profile. */
    static final String DOWN_BODY = "down (fault switch)";

    private static final Logger log = LoggerFactory.getLogger(PayResultNotifyController.class);

    private final NotificationVerifier verifier;
    private final ExpectedPays expected;
    private final PayResultApplier applier;
    private final ObjectProvider<NotifyFaults> faults;
    private final Journal journal;

    PayResultNotifyController(NotificationVerifier verifier, ExpectedPays expected, PayResultApplier applier,
                              ObjectProvider<NotifyFaults> faults, Journal journal) {
        this.verifier = verifier;
        this.expected = expected;
        this.applier = applier;
        this.faults = faults;
        this.journal = journal;
    }

    /**
     * 200 {@code success} once the result is applied, was applied before, failed at the notifier or was parked for
     * an unknown account; 401 unverified, 400 unreadable, 422 refused and parked: nothing is applied, and the gateway,
     * not seeing {@code success}, keeps the notification as failing. 503 only from a fault switch (local profile).
     */
    @Operation(summary = "The notify URL (scheme 2): the notify gateway POSTs a pay result here",
            description = "Signed with Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature over the "
                    + "exact body). Applied once by the same insert-first applier as the broker's deliveries; the "
                    + "gateway retries on its decaying schedule until it reads the body `success`.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "a pay result", value = NotifyExamples.NOTIFICATION)))
    @ApiResponse(responseCode = "200", description = "Applied, applied before, a failed pay, or parked for an unknown "
            + "account: the gateway stops", content = @Content(mediaType = "text/plain",
            examples = @ExampleObject(name = "acknowledged", value = PayResultNotification.ACK_BODY)))
    @ApiResponse(responseCode = "400", description = "Not a pay-result notification: nothing applied",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "unreadable", value = NotifyExamples.UNREADABLE)))
    @ApiResponse(responseCode = "401", description = "Signature missing, wrong or too old: nothing applied",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "not verified", value = NotifyExamples.NOT_VERIFIED)))
    @ApiResponse(responseCode = "422", description = "Another receiver's pay, or an account or amount other than the "
            + "recharge's: parked, nothing applied", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "refused", value = NotifyExamples.REFUSED)))
    @PostMapping("/notify/pay-result")
    ResponseEntity<String> payResult(
            // Bytes, not a bound object: the signature covers exactly what was sent.
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = NotificationVerifier.ID_HEADER, required = false) String webhookId,
            @RequestHeader(name = NotificationVerifier.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = NotificationVerifier.SIGNATURE_HEADER, required = false) String signature,
            @RequestHeader(name = ATTEMPT_HEADER, required = false) String attempt) {
        int attemptNo = attemptOf(attempt);
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        NotifyFaults activeFaults = faults.getIfAvailable();
        if (activeFaults != null && activeFaults.answerDown(webhookId, attemptNo)) {
            // As a receiver behind a load balancer with no instance up: nothing read, nothing applied.
            journal.append(txNoOf(payload), JournalStep.NOTIFIED, attemptNo, "FAILED", null, null,
                    "answered 503 " + DOWN_BODY);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
                    .body(DOWN_BODY);
        }
        try {
            verifier.verify(webhookId, timestamp, signature, payload);
            PayResultNotification notification = read(webhookId, payload);
            try (var ignored = MDC.putCloseable("txNo", notification.txNo())) {
                expected.refusalOf(notification).ifPresent(reason -> {
                    applier.park(notification.txNo(), notification.accountNo(), notification.amount(), reason,
                            payload);
                    throw new NotificationRefused(notification.txNo(), reason);
                });
                // Every outcome is final here (an unknown account is parked, as scheme 1 does); a transient failure
                // throws, answers 500, and the gateway tries again later.
                applier.apply(notification.toMessage(), SettledBy.NOTIFY, attemptNo);
                return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(PayResultNotification.ACK_BODY);
            }
        } catch (NotificationNotVerified | NotificationUnreadable | NotificationRefused refused) {
            // The txNo of a refused body is what it claims, believed or not: the console shows the refusal there.
            journal.append(txNoOf(payload), JournalStep.NOTIFIED, attemptNo, "REFUSED", null, null,
                    refused.getMessage());
            throw refused;
        } catch (RuntimeException failed) {
            journal.append(txNoOf(payload), JournalStep.NOTIFIED, attemptNo, "FAILED", null, null,
                    failed + "; the gateway tries again");
            throw failed;
        }
    }

    /** The txNo a body names, or null if it names none that looks like one (it may be forged: keep it short). */
    private static String txNoOf(String payload) {
        try {
            String txNo = PayResultNotification.fromJson(payload).txNo();
            return txNo.length() <= 64 ? txNo : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static PayResultNotification read(String webhookId, String payload) {
        String unreadable;
        try {
            PayResultNotification notification = PayResultNotification.fromJson(payload);
            // Another kind of event must never be taken for a pay result, even if it parses as one.
            if (PayResultNotification.TYPE.equals(notification.type())) {
                return notification;
            }
            unreadable = "not a pay result notification: type " + notification.type();
        } catch (IllegalArgumentException e) {
            unreadable = e.getMessage();
        }
        log.warn("notification {} refused, signed but unreadable: {}", webhookId, unreadable);
        throw new NotificationUnreadable(unreadable);
    }

    /** The gateway's attempt number is informational: anything unusable counts as the first attempt. */
    private static int attemptOf(String header) {
        if (header == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(header.trim()));
        } catch (NumberFormatException junk) {
            return 1;
        }
    }
}
