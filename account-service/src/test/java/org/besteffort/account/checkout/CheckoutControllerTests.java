package org.besteffort.account.checkout;

import org.besteffort.account.account.Account;
import org.besteffort.account.account.AccountMapper;
import org.besteffort.account.account.AccountNotFound;
import org.besteffort.account.recharge.NotifyUrlNotConfigured;
import org.besteffort.account.recharge.RechargeAmountTooLarge;
import org.besteffort.account.recharge.RechargeRequest;
import org.besteffort.account.recharge.RechargeService;
import org.besteffort.account.reconciliation.PayOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checkout form without a database: what it offers, where a valid form sends the browser, and that a refused form
 * comes back with its errors, as typed, and starts nothing.
 */
@WebMvcTest(CheckoutController.class)
class CheckoutControllerTests {

    private static final String NOTIFY_URL = "http://127.0.0.1:8082/notify/pay-result";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RechargeService recharges;

    @MockitoBean
    AccountMapper accounts;

    @BeforeEach
    void twoAccounts() {
        given(accounts.firstAccounts(any(Integer.class))).willReturn(List.of(
                new Account("1", "张三", BigDecimal.ZERO), new Account("2", "李四", BigDecimal.ZERO)));
        // As application.yml's 1000000.00 binds: YAML reads it as a number.
        given(recharges.maxAmount()).willReturn(new BigDecimal("1000000.0"));
    }

    @Test
    void offersTheAccountsAnAmountAndAPayButtonEachFoundByItsDataTestAndLabelled() throws Exception {
        mvc.perform(get("/checkout"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(
                        containsString("<form method=\"post\" action=\"/checkout\" data-test=\"checkout-form\""),
                        containsString("<label for=\"account\">"),
                        containsString("<select id=\"account\" name=\"accountNo\" data-test=\"account\""),
                        containsString("<option value=\"2\">2 · 李四</option>"),
                        containsString("<label for=\"amount\">"),
                        containsString("<input id=\"amount\" name=\"amount\" type=\"text\""),
                        containsString("data-test=\"amount\""),
                        containsString("<button type=\"submit\" class=\"primary\" data-test=\"pay\">"),
                        containsString("at most <span>1000000.00</span>"),
                        not(containsString("http://")))));
    }

    @Test
    void choosesTheAccountALinkNames() throws Exception {
        mvc.perform(get("/checkout").param("accountNo", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"2\" selected=\"selected\">")));
    }

    @Test
    void recordsThePendingRechargeAndSendsTheBrowserToTheCashierWithTheWholeOrder() throws Exception {
        given(recharges.startAtCashier(new RechargeRequest("1", new BigDecimal("100.00"))))
                .willReturn(new PayOrder("1", new BigDecimal("100.00"), "tx-1", "bank1", NOTIFY_URL));

        mvc.perform(post("/checkout").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("accountNo", "1").param("amount", "100.00"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "http://127.0.0.1:8081/cashier?txNo=tx-1&accountNo=1"
                        + "&amount=100.00&receiverId=bank1&notifyUrl=http%3A%2F%2F127.0.0.1%3A8082%2Fnotify%2Fpay-result"
                        + "&returnUrl=http%3A%2F%2F127.0.0.1%3A8082%2Fcheckout%2Forders%2Ftx-1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative amount   | 1         | -1       | Amount must be greater than 0
            zero amount       | 1         | 0        | Amount must be greater than 0
            three decimals    | 1         | 10.001   | Amount must have at most 2 decimals
            not a number      | 1         | ten      | Amount must be a number such as 100.00
            no amount         | 1         | ''       | Amount must not be null
            malformed account | 1 OR 1=1  | 10       | Account must be 1-32 letters, digits, &#39;-&#39; or &#39;_&#39;
            no account        | ''        | 10       | data-test="account-error">Account must
            """)
    void showsARefusedFormAgainWithItsErrorAndWhatWasTypedAndStartsNothing(String name, String accountNo,
                                                                          String amount, String error)
            throws Exception {
        mvc.perform(post("/checkout").param("accountNo", accountNo).param("amount", amount))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString(error)))
                .andExpect(content().string(containsString("data-test=\"checkout-form\"")))
                .andExpect(content().string(containsString("value=\"" + amount + "\"")));
        verify(recharges, never()).startAtCashier(any());
    }

    @Test
    void showsTheLimitWhenTheAmountIsAboveIt() throws Exception {
        given(recharges.startAtCashier(any())).willThrow(new RechargeAmountTooLarge(new BigDecimal("1000000.00")));

        mvc.perform(post("/checkout").param("accountNo", "1").param("amount", "1000000.01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"amount-error\">Amount must be at most"
                        + " 1000000.00</p>")))
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void showsAnUnknownAccountAsTheAccountsError() throws Exception {
        given(recharges.startAtCashier(any())).willThrow(new AccountNotFound("404404"));

        mvc.perform(post("/checkout").param("accountNo", "404404").param("amount", "10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "data-test=\"account-error\">Account is not an account of this bank</p>")));
    }

    @Test
    void saysSoWhenNoNotifyUrlIsConfigured() throws Exception {
        given(recharges.startAtCashier(any())).willThrow(new NotifyUrlNotConfigured());

        mvc.perform(post("/checkout").param("accountNo", "1").param("amount", "10"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("recharge.notify.url is not set")));
    }

    @TestConfiguration
    @EnableConfigurationProperties(CheckoutProperties.class)
    static class BoundProperties {
    }
}
