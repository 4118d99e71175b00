package org.besteffort.account.account;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows a balance, so that a tester can see what the receiver applied.
 */
@RestController
class AccountController {

    private final AccountMapper accounts;

    AccountController(AccountMapper accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts/{accountNo}")
    Account account(@PathVariable String accountNo) {
        return accounts.findByAccountNo(accountNo).orElseThrow(() -> new AccountNotFound(accountNo));
    }
}
