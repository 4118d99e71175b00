package org.besteffort.pay.cashier;

import jakarta.validation.Valid;
import org.besteffort.pay.payment.Payment;
import org.besteffort.pay.payment.PaymentService;
import org.besteffort.pay.payment.ReturnUrls;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * The cashier page: shows the merchant's order to the payer, pays it once confirmed, and sends the browser back to the
 * merchant's return URL.
 */
@Controller
class CashierController {

    private final PaymentService payments;
    private final ReturnUrls returnUrls;

    CashierController(PaymentService payments, ReturnUrls returnUrls) {
        this.payments = payments;
        this.returnUrls = returnUrls;
    }

    /** The order and a Pay button; an order already paid shows how it ended, and no button. */
    @GetMapping("/cashier")
    String show(@Valid @ModelAttribute("order") CashierRequest order, Model model) {
        URI returnUrl = check(order);
        model.addAttribute("cancelUrl", returnUrl);
        payments.recordedFor(order.pay(), order.receiverId()).ifPresent(paid -> {
            model.addAttribute("paid", paid);
            model.addAttribute("backUrl", backTo(returnUrl, paid));
        });
        return "cashier";
    }

    /**
     * Pays (or finds the pay already recorded under the txNo: a second click pays nothing more) and answers 303 to the
     * return URL. That redirect travels through the payer's browser unsigned, so the merchant must not trust it.
     */
    @PostMapping("/cashier")
    ResponseEntity<Void> pay(@Valid @ModelAttribute("order") CashierRequest order) {
        URI returnUrl = check(order);
        // The payer pays the merchant whose order this is: the pay is that receiver's, as if it had made it itself.
        Payment payment = payments.pay(order.pay(), order.receiverId());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(backTo(returnUrl, payment)).build();
    }

    /** The checks of {@code /paydo}, then the return URL's; the checked return URL. A refusal is a 400 problem. */
    private URI check(CashierRequest order) {
        payments.checkPayable(order.pay());
        return returnUrls.check(order.receiverId(), order.returnUrl());
    }

    /** The synchronous return (同步返回): {@code returnUrl?txNo=…&result=SUCCESS|FAIL}, deliberately unsigned. */
    private static URI backTo(URI returnUrl, Payment payment) {
        // Already encoded: the return URL was parsed as a URI, a txNo is letters, digits, '-' and '_' only.
        return UriComponentsBuilder.fromUri(returnUrl)
                .queryParam("txNo", payment.txNo())
                .queryParam("result", payment.result().name())
                .build(true)
                .toUri();
    }
}
