package org.besteffort.account.recharge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Rules of a recharge started here.
 *
 * @param maxAmount the largest amount accepted; above it the request is rejected and nothing is written
 */
@ConfigurationProperties("recharge")
record RechargeProperties(@DefaultValue("1000000.00") BigDecimal maxAmount) {
}
