package org.besteffort.account.account;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Shows the balances, so that a tester can see what the receiver applied.
 */
@RestController
class AccountController {

    private final AccountMapper accounts;

    AccountController(AccountMapper accounts) {
        this.accounts = accounts;
    }

    /** Every account with its balance (at most the first 1000 opened). */
    @GetMapping("/accounts")
    List<Account> accounts() {
        return accounts.firstAccounts(1000);
    }

    @GetMapping("/accounts/{accountNo}")
    Account account(@PathVariable String accountNo) {
        return accounts.findByAccountNo(accountNo).orElseThrow(() -> new AccountNotFound(accountNo));
    }
}
