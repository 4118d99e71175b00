package org.besteffort.account.checkout;

import org.besteffort.account.account.Account;
import org.besteffort.account.account.AccountMapper;
import org.besteffort.account.recharge.RechargeService;
import org.springframework.stereotype.Component;

/**
 * Reads an order as its page shows it, always from the database: the page never believes anything else.
 */
@Component
class OrderViews {

    private final RechargeService recharges;
    private final AccountMapper accounts;

    OrderViews(RechargeService recharges, AccountMapper accounts) {
        this.recharges = recharges;
        this.accounts = accounts;
    }

    /** The order of this txNo; {@link org.besteffort.account.recharge.RechargeNotFound} if there is none. */
    OrderView find(String txNo) {
        var recharge = recharges.find(txNo);
        String accountName = accounts.findByAccountNo(recharge.accountNo()).map(Account::accountName).orElse(null);
        return OrderView.of(recharge, accountName);
    }
}
