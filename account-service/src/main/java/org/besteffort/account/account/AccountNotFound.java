package org.besteffort.account.account;

/**
 * No account has this number: a permanent error, retrying cannot help.
 */
public class AccountNotFound extends RuntimeException {

    public AccountNotFound(String accountNo) {
        super("no account with accountNo " + accountNo);
    }
}
