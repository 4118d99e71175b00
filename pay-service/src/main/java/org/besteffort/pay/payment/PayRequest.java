package org.besteffort.pay.payment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A request to pay: the body of {@code POST /paydo}, the query of the course's {@code GET /paydo}, or what the payer
 * confirmed at the cashier.
 *
 * @param txNo       optional; when given, repeating the request is safe (same body returns the same pay)
 * @param receiverId optional, with notifyUrl (scheme 2): the registered receiver to notify over HTTP
 * @param notifyUrl  optional, with receiverId (scheme 2): where to notify it, one of the URLs it registered
 */
@NotifyTargetComplete
public record PayRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 letters, digits, '-' or '_'")
        String accountNo,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 16, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal payAmount,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '-' or '_'")
        String txNo,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 letters, digits, '-' or '_'")
        String receiverId,
        @Size(max = 512, message = "must be at most 512 characters")
        String notifyUrl) {

    /** A pay nobody asked to be notified of over HTTP. */
    public PayRequest(String accountNo, BigDecimal payAmount, String txNo) {
        this(accountNo, payAmount, txNo, null, null);
    }
}
