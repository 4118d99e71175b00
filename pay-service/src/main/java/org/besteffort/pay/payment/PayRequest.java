package org.besteffort.pay.payment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/**
 * A request to pay: the body of {@code POST /paydo} or the query of the course's {@code GET /paydo}.
 *
 * @param txNo optional; when given, repeating the request is safe (same body returns the same pay)
 */
record PayRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 letters, digits, '-' or '_'")
        String accountNo,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 16, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal payAmount,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '-' or '_'")
        String txNo) {
}
