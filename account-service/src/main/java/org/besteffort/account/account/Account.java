package org.besteffort.account.account;

import java.math.BigDecimal;

/**
 * An account and its balance.
 */
public record Account(String accountNo, String accountName, BigDecimal accountBalance) {
}
