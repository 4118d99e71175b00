package org.besteffort.account.recharge;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/**
 * The body of {@code POST /recharges}, or the checkout form: top up this account by this amount.
 */
public record RechargeRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be 1-32 letters, digits, '-' or '_'")
        String accountNo,
        @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 16, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal amount) {
}
