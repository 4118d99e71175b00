package org.besteffort.pay.payment;

import jakarta.validation.Valid;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
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

    @PostMapping("/paydo")
    PaymentView pay(@Valid @RequestBody PayRequest request) {
        return PaymentView.of(payments.pay(request));
    }

    /** The course's form: {@code GET /paydo?accountNo=1&payAmount=100}. Same handler, same rules. */
    @GetMapping("/paydo")
    PaymentView payByQuery(@Valid @ModelAttribute PayRequest request) {
        return pay(request);
    }

    /** Journaled either way: the console shows each reconciliation query at this end too. */
    @GetMapping("/payresult/{txNo}")
    PaymentView payResult(@PathVariable String txNo) {
        Payment payment;
        try {
            payment = payments.find(txNo);
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
