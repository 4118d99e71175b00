package org.besteffort.pay.payment;

import org.besteffort.edge.access.ReceiverScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/**
 * The notifier's HTTP face: make a pay, and let the receiver ask how a pay ended.
 */
@RestController
class PaymentController {

    /** The shape of a txNo, as {@code /paydo} accepts one. */
    private static final Pattern TX_NO = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final PaymentService payments;
    private final Journal journal;

    PaymentController(PaymentService payments, Journal journal) {
        this.payments = payments;
        this.journal = journal;
    }

    @Operation(summary = "Make a pay",
            description = "Records the pay in one local transaction; its result is announced on topic_notifymsg after "
                    + "commit (or as notifier.send-mode says). A client-supplied txNo makes the call idempotent: the "
                    + "same request again answers the recorded pay, another pay under that txNo is refused with 409. "
                    + "Pays above pay.decline-above are recorded and announced with result FAIL.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "a pay", value = PaymentExamples.PAY),
            @ExampleObject(name = "a pay whose receiver is notified over HTTP (scheme 2)",
                    value = PaymentExamples.PAY_NOTIFYING_A_RECEIVER),
            @ExampleObject(name = "a pay the simulated bank declines", value = PaymentExamples.PAY_ABOVE_THE_BANKS_LIMIT)}))
    @ApiResponse(responseCode = "200", description = "The pay as recorded; a replay of the same request answers it again",
            content = @Content(schema = @Schema(implementation = PaymentView.class), examples = {
                    @ExampleObject(name = "recorded (or replayed)", value = PaymentExamples.RECORDED),
                    @ExampleObject(name = "declined", value = PaymentExamples.DECLINED)}))
    @ApiResponse(responseCode = "400", description = "Invalid request, unregistered receiver or notify URL, amount "
            + "above pay.max-amount: nothing written", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "an invalid field", value = PaymentExamples.INVALID)))
    @ApiResponse(responseCode = "403", description = "A receiver named another receiver to notify: nothing written",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The txNo is taken by another pay: nothing written",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "txNo taken", value = PaymentExamples.TX_NO_TAKEN)))
    @ApiResponse(responseCode = "503", description = "send-mode transactional only: the broker did not take the half "
            + "message, nothing written; retry after Retry-After seconds", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "no broker", value = PaymentExamples.NOT_RECORDED)))
    @PostMapping("/paydo")
    PaymentView pay(@Valid @RequestBody PayRequest request) {
        return PaymentView.of(payments.pay(request, ReceiverScope.current()));
    }

    /** The course's form: {@code GET /paydo?accountNo=1&payAmount=100}. Same handler, same rules. */
    @Operation(summary = "Make a pay, the course's GET form",
            description = "The same as POST /paydo with the fields as query parameters.")
    @GetMapping("/paydo")
    PaymentView payByQuery(@Valid @ModelAttribute PayRequest request) {
        return pay(request);
    }

    /** Journaled either way: the console shows each reconciliation query at this end too. */
    @Operation(summary = "How a pay ended",
            description = "What the receiver's reconciliation asks for a pay it has not heard of (the active query).")
    @ApiResponse(responseCode = "200", description = "The recorded pay",
            content = @Content(schema = @Schema(implementation = PaymentView.class),
                    examples = @ExampleObject(name = "recorded", value = PaymentExamples.RECORDED)))
    @ApiResponse(responseCode = "404", description = "No pay with this txNo (yet), or another receiver's", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "unknown txNo", value = PaymentExamples.NOT_FOUND)))
    @GetMapping("/payresult/{txNo}")
    PaymentView payResult(@PathVariable String txNo) {
        Payment payment;
        try {
            payment = payments.find(txNo, ReceiverScope.current());
        } catch (PaymentNotFound unknown) {
            if (TX_NO.matcher(txNo).matches()) {
                // Only what could be a txNo: anything else names no pay, and must not push real pays out of the ring.
                journal.append(txNo, JournalStep.QUERIED, "UNKNOWN", "answered 404: no pay with this txNo");
            }
            throw unknown;
        }
        journal.append(txNo, JournalStep.QUERIED, null, "FOUND", payment.accountNo(), payment.payAmount(),
                "answered " + payment.result());
        return PaymentView.of(payment);
    }
}
