package org.besteffort.account.checkout;

import org.besteffort.account.recharge.Recharge;
import org.besteffort.account.recharge.SettledBy;

import java.math.BigDecimal;

/**
 * What the order page shows of a recharge, and what its event stream sends.
 *
 * @param accountName null if the account has gone
 * @param settledBy   the path that settled it (MESSAGE, NOTIFY, RECONCILIATION or STATEMENT); null until settled
 */
record OrderView(String txNo, String accountNo, String accountName, BigDecimal amount, OrderStatus status,
                 SettledBy settledBy) {

    static OrderView of(Recharge recharge, String accountName) {
        return new OrderView(recharge.txNo(), recharge.accountNo(), accountName, recharge.amount(),
                OrderStatus.of(recharge.status()), recharge.settledBy());
    }
}
