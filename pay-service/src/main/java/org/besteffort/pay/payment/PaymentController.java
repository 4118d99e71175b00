package org.besteffort.pay.payment;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notifier's HTTP face: make a pay, and let the receiver ask how a pay ended.
 */
@RestController
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
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

    @GetMapping("/payresult/{txNo}")
    PaymentView payResult(@PathVariable String txNo) {
        return PaymentView.of(payments.find(txNo));
    }
}
