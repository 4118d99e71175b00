package org.besteffort.pay.cashier;

import org.besteffort.common.PayResult;
import org.besteffort.pay.payment.PayRequest;
import org.besteffort.pay.payment.Payment;
import org.besteffort.pay.payment.PaymentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.besteffort.edge.access.EdgeAccessConfiguration;
import org.besteffort.pay.access.PayServiceAccess;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cashier page without a database: what it shows, where it sends the browser, and what it refuses before paying.
 * Return URLs are checked for real, against application.yml's registration of bank1.
 */
// ReturnUrls for real, with the pay.receivers it reads (package-private, hence named by pattern).
@WebMvcTest(controllers = CashierController.class, properties = "edge.access.open-walkthrough=true", includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.besteffort\\.pay\\.payment\\.(ReturnUrls|PayProperties)"))
@ImportAutoConfiguration(EdgeAccessConfiguration.class)
@Import(PayServiceAccess.class)
class CashierControllerTests {

    private static final String NOTIFY_URL = "http://account-service-1:8082/notify/pay-result";
    private static final String RETURN_URL = "http://127.0.0.1:8082/checkout/orders/tx-1";

    private static final PayRequest PAY = new PayRequest("1", new BigDecimal("100"), "tx-1", "bank1", NOTIFY_URL);

    private static final Payment PAID = new Payment(7L, "tx-1", "1", new BigDecimal("100.00"), PayResult.SUCCESS,
            "bank1", NOTIFY_URL, Instant.parse("2026-11-21T08:00:00.123Z"), Instant.parse("2026-11-21T08:00:00.123Z"), "bank1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PaymentService payments;

    @Test
    void showsTheOrderWithItsAmountAPayButtonAndACancelLinkBackToTheMerchant() throws Exception {
        given(payments.recordedFor(PAY, "bank1")).willReturn(Optional.empty());

        mvc.perform(order(get("/cashier")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("data-test=\"cashier-amount\">100.00</strong>")))
                .andExpect(content().string(containsString("for order <code>tx-1</code>")))
                .andExpect(content().string(containsString("data-test=\"cashier-pay\"")))
                .andExpect(content().string(containsString(
                        "<a href=\"" + RETURN_URL + "\" data-test=\"cashier-cancel\">")))
                .andExpect(content().string(containsString(
                        "<input type=\"hidden\" name=\"returnUrl\" value=\"" + RETURN_URL + "\">")));
        verify(payments).checkPayable(PAY);
        verify(payments, never()).pay(any(), any());
    }

    @Test
    void showsAnOrderPaidBeforeWithItsResultInsteadOfAPayButton() throws Exception {
        given(payments.recordedFor(PAY, "bank1")).willReturn(Optional.of(PAID));

        mvc.perform(order(get("/cashier")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"cashier-paid\"")))
                .andExpect(content().string(containsString(RETURN_URL + "?txNo=tx-1&amp;result=SUCCESS")))
                .andExpect(content().string(not(containsString("data-test=\"cashier-pay\""))));
        verify(payments, never()).pay(any(), any());
    }

    @Test
    void paysAndSendsTheBrowserBackToTheReturnUrlWithTheUnsignedResult() throws Exception {
        given(payments.pay(PAY, "bank1")).willReturn(PAID);

        mvc.perform(order(post("/cashier")).contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", RETURN_URL + "?txNo=tx-1&result=SUCCESS"));
    }

    @Test
    void sendsTheBrowserBackWithFailWhenTheBankDeclined() throws Exception {
        Payment declined = new Payment(8L, "tx-1", "1", new BigDecimal("100.00"), PayResult.FAIL, "bank1", NOTIFY_URL,
                PAID.createdAt(), PAID.updatedAt(), "bank1");
        given(payments.pay(PAY, "bank1")).willReturn(declined);

        mvc.perform(order(post("/cashier")))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", RETURN_URL + "?txNo=tx-1&result=FAIL"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another host           | https://evil.example/checkout/orders/tx-1
            another port           | http://127.0.0.1:9999/checkout/orders/tx-1
            beside the base        | http://127.0.0.1:8082/accounts/1
            out of the base        | http://127.0.0.1:8082/checkout/orders/../../actuator
            base as user info      | http://127.0.0.1:8082@evil.example/checkout/orders/tx-1
            """)
    void refusesAReturnUrlTheReceiverDidNotRegisterAndPaysNothing(String name, String returnUrl) throws Exception {
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {get("/cashier"),
                post("/cashier")}) {
            mvc.perform(order(request, "returnUrl", returnUrl))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.returnUrl").exists())
                    .andExpect(header().doesNotExist("Location"));
        }
        verify(payments, never()).pay(any(), any());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative amount    | amount     | -1
            zero amount        | amount     | 0
            three decimals     | amount     | 0.001
            not a number       | amount     | ten
            no txNo            | txNo       | ''
            malformed txNo     | txNo       | tx 1
            malformed account  | accountNo  | 1 OR 1=1
            no receiver        | receiverId | ''
            no notify URL      | notifyUrl  | ''
            no return URL      | returnUrl  | ''
            """)
    void refusesABadOrderWithAProblemNamingTheFieldAndPaysNothing(String name, String field, String value)
            throws Exception {
        mvc.perform(order(post("/cashier"), field, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors." + field).exists());
        mvc.perform(order(get("/cashier"), field, value))
                .andExpect(status().isBadRequest());
        verify(payments, never()).pay(any(), any());
        verify(payments, never()).checkPayable(any());
    }

    /** The order as account-service's checkout sends it. */
    private static MockHttpServletRequestBuilder order(MockHttpServletRequestBuilder request) {
        return order(request, null, null);
    }

    /** The same order with one parameter replaced. */
    private static MockHttpServletRequestBuilder order(MockHttpServletRequestBuilder request, String field,
                                                       String value) {
        Map<String, String> order = new LinkedHashMap<>();
        order.put("txNo", "tx-1");
        order.put("accountNo", "1");
        order.put("amount", "100");
        order.put("receiverId", "bank1");
        order.put("notifyUrl", NOTIFY_URL);
        order.put("returnUrl", RETURN_URL);
        if (field != null) {
            order.put(field, value);
        }
        order.forEach(request::param);
        return request;
    }
}
