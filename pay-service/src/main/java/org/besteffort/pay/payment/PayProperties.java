package org.besteffort.pay.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Limits of a pay.
 *
 * @param maxAmount    the largest amount accepted at all; above it the request is rejected (400) and nothing is written
 * @param declineAbove the simulated bank declines larger pays: they are recorded and announced with result FAIL
 */
@ConfigurationProperties("pay")
record PayProperties(@DefaultValue("1000000.00") BigDecimal maxAmount,
                     @DefaultValue("10000.00") BigDecimal declineAbove) {
}
