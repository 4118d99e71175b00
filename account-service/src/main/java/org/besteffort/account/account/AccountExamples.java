package org.besteffort.account.account;

/** The examples of the OpenAPI document's {@code /accounts}. */
final class AccountExamples {

    static final String ACCOUNT = """
            {"accountNo":"1","accountName":"张三","accountBalance":150.00}""";

    static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no account with accountNo 999",
             "instance":"/accounts/999"}""";

    private AccountExamples() {
    }
}
