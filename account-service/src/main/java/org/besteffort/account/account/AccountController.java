package org.besteffort.account.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ProblemDetail;
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
    @Operation(summary = "Every account with its balance", description = "At most the first 1000 opened.")
    @GetMapping("/accounts")
    List<Account> accounts() {
        return accounts.firstAccounts(1000);
    }

    @Operation(summary = "One account with its balance", description = "What the receiver has credited so far.")
    @ApiResponse(responseCode = "200", description = "The account", content = @Content(
            schema = @Schema(implementation = Account.class),
            examples = @ExampleObject(name = "account 1", value = AccountExamples.ACCOUNT)))
    @ApiResponse(responseCode = "404", description = "No such account", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "unknown account", value = AccountExamples.NOT_FOUND)))
    @GetMapping("/accounts/{accountNo}")
    Account account(@PathVariable String accountNo) {
        return accounts.findByAccountNo(accountNo).orElseThrow(() -> new AccountNotFound(accountNo));
    }
}
