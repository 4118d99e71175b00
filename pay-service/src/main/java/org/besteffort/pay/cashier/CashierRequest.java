package org.besteffort.pay.cashier;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.besteffort.pay.payment.PayRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The merchant's order as the payer's browser brings it to the cashier (the query of {@code GET /cashier}, the form of
 * {@code POST /cashier}): {@link PayRequest}'s constraints and messages, with the txNo, the notify target and a return
 * URL all required.
 *
 * @param txNo      the merchant's order number (Alipay's {@code out_trade_no}); makes paying twice impossible
 * @param returnUrl where the browser goes back afterwards (Alipay's {@code return_url}), below a registered base
 */
record CashierRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '-' or '_'")
        String txNo,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 letters, digits, '-' or '_'")
        String accountNo,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 16, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 letters, digits, '-' or '_'")
        String receiverId,
        @NotBlank @Size(max = 512, message = "must be at most 512 characters")
        String notifyUrl,
        @NotBlank @Size(max = 512, message = "must be at most 512 characters")
        String returnUrl) {

    /** The pay this order asks for, exactly as {@code /paydo} would take it. */
    PayRequest pay() {
        return new PayRequest(accountNo, amount, txNo, receiverId, notifyUrl);
    }

    /** The amount as the payer reads it: 100 is shown as 100.00. Public for the template. */
    public String displayAmount() {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
