package org.besteffort.account.checkout;

import jakarta.validation.Valid;
import org.besteffort.account.account.AccountMapper;
import org.besteffort.account.account.AccountNotFound;
import org.besteffort.account.recharge.NotifyUrlNotConfigured;
import org.besteffort.account.recharge.RechargeAmountTooLarge;
import org.besteffort.account.recharge.RechargeRequest;
import org.besteffort.account.recharge.RechargeService;
import org.besteffort.account.reconciliation.PayOrder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.RoundingMode;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merchant's checkout: a form (account, amount) that records a pending recharge and sends the payer's browser to
 * pay-service's cashier with the order.
 */
@Controller
class CheckoutController {

    /** More would not fit a select; the seed has five. */
    private static final int ACCOUNTS_OFFERED = 100;

    private final RechargeService recharges;
    private final AccountMapper accounts;
    private final CheckoutProperties properties;

    CheckoutController(RechargeService recharges, AccountMapper accounts, CheckoutProperties properties) {
        this.recharges = recharges;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** The form; {@code ?accountNo=2} chooses the account (a link from elsewhere, say the console). */
    @GetMapping("/checkout")
    String form(@RequestParam(required = false) String accountNo, Model model) {
        fill(model, Map.of(), null, accountNo, null);
        return "checkout";
    }

    /**
     * 303 to the cashier: the order travels in the address, as Alipay's page pay form does. A refused form is shown
     * again with its errors and what was typed, and writes nothing; {@code POST /recharges} is the API that answers 400.
     */
    @PostMapping("/checkout")
    ModelAndView start(@Valid @ModelAttribute("recharge") RechargeRequest recharge, BindingResult binding,
                       @RequestParam(required = false) String accountNo, @RequestParam(required = false) String amount,
                       Model model) {
        Map<String, String> errors = fieldErrors(binding);
        if (errors.isEmpty()) {
            try {
                return seeOther(cashier(recharges.startAtCashier(recharge)));
            } catch (RechargeAmountTooLarge tooLarge) {
                errors.put("amount", "must be at most " + maxAmount());
            } catch (AccountNotFound unknown) {
                errors.put("accountNo", "is not an account of this bank");
            } catch (NotifyUrlNotConfigured misconfigured) {
                fill(model, errors, misconfigured.getMessage(), accountNo, amount);
                return new ModelAndView("checkout", HttpStatus.SERVICE_UNAVAILABLE);
            }
        }
        // 200, not 400: the payer sees the form again either way, but a browser logs a 4xx page as a console error.
        fill(model, errors, null, accountNo, amount);
        return new ModelAndView("checkout");
    }

    /** The form's model; a refused form keeps what the payer typed, as typed. */
    private void fill(Model model, Map<String, String> errors, String problem, String accountNo, String amount) {
        model.addAttribute("accounts", accounts.firstAccounts(ACCOUNTS_OFFERED));
        model.addAttribute("accountNo", accountNo);
        model.addAttribute("amount", amount);
        model.addAttribute("maxAmount", maxAmount());
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
    }

    /** The limit as money reads: 1000000.00, whichever way the configuration wrote it. */
    private String maxAmount() {
        return recharges.maxAmount().setScale(2, RoundingMode.DOWN).toPlainString();
    }

    /**
     * pay-service's cashier, given the order in its query: every value is encoded whole (a notify URL becomes
     * {@code http%3A%2F%2F…}), so that none can add a parameter of its own.
     */
    private URI cashier(PayOrder order) {
        String returnUrl = UriComponentsBuilder.fromUriString(properties.publicUrl())
                .path("/checkout/orders/{txNo}").buildAndExpand(order.txNo()).toUriString();
        return UriComponentsBuilder.fromUriString(properties.payServiceUrl()).path("/cashier")
                .queryParam("txNo", "{txNo}")
                .queryParam("accountNo", "{accountNo}")
                .queryParam("amount", "{amount}")
                .queryParam("receiverId", "{receiverId}")
                .queryParam("notifyUrl", "{notifyUrl}")
                .queryParam("returnUrl", "{returnUrl}")
                .encode()
                .buildAndExpand(order.txNo(), order.accountNo(), order.payAmount().toPlainString(),
                        order.receiverId(), order.notifyUrl(), returnUrl)
                .toUri();
    }

    private static ModelAndView seeOther(URI location) {
        RedirectView redirect = new RedirectView(location.toString());
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        // The model holds the form; none of it belongs in the cashier's address.
        redirect.setExposeModelAttributes(false);
        redirect.setExpandUriTemplateVariables(false);
        return new ModelAndView(redirect);
    }

    /** Each invalid field with what is wrong with it, as the form shows it next to the field. */
    private static Map<String, String> fieldErrors(BindingResult binding) {
        Map<String, String> errors = new TreeMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.putIfAbsent(error.getField(),
                    error.isBindingFailure() ? "must be a number such as 100.00" : error.getDefaultMessage());
        }
        return errors;
    }
}
