package org.besteffort.account.checkout;

import org.besteffort.account.receiver.ApplyOutcome;
import org.besteffort.account.receiver.PayResultApplied;
import org.besteffort.account.recharge.RechargeNotFound;
import org.besteffort.account.recharge.SettledBy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order page and its event stream without a database: what the page shows and believes, and what the stream
 * sends when the applier has handled the order's pay result.
 */
@WebMvcTest(value = OrderController.class, properties = "checkout.max-open-streams=2")
@Import(OrderStreams.class)
class OrderControllerTests {

    private static final OrderView PENDING = new OrderView("tx-1", "1", "张三", new BigDecimal("100.00"),
            OrderStatus.PENDING, null);
    private static final OrderView SETTLED = new OrderView("tx-1", "1", "张三", new BigDecimal("100.00"),
            OrderStatus.SUCCESS, SettledBy.NOTIFY);

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderStreams streams;

    @Autowired
    ApplicationEventPublisher events;

    @MockitoBean
    OrderViews orders;

    @Test
    void showsAPendingOrderAndTheCashiersResultAsNotTrusted() throws Exception {
        given(orders.find("tx-1")).willReturn(PENDING);

        mvc.perform(get("/checkout/orders/tx-1").param("txNo", "tx-1").param("result", "SUCCESS"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(
                        containsString("data-test=\"order\" data-events=\"/checkout/orders/tx-1/events\""),
                        containsString("<code>tx-1</code>"),
                        containsString("100.00"),
                        containsString("<strong class=\"status status-pending\" data-test=\"order-status\""
                                + " aria-live=\"polite\">pending</strong>"),
                        containsString("<dd data-role=\"settled\" hidden=\"hidden\">"),
                        containsString("data-test=\"return-result\">The cashier's redirect says:"),
                        containsString("<strong>SUCCESS</strong> — not trusted"),
                        containsString("<script src=\"/js/order.js\" defer></script>"))));
    }

    @Test
    void showsASettledOrderAndThePathThatSettledItWithoutAReturnResultWhenThereIsNone() throws Exception {
        given(orders.find("tx-1")).willReturn(SETTLED);

        mvc.perform(get("/checkout/orders/tx-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(">success</strong>"),
                        containsString("<dd data-role=\"settled\"><span data-test=\"order-settled-by\">NOTIFY</span>"),
                        not(containsString("data-test=\"return-result\"")))));
    }

    @ParameterizedTest
    @EnumSource(names = {"FAILED", "SUCCESS", "PENDING"})
    void namesTheStatusAsTheCourseDoes(OrderStatus status) throws Exception {
        given(orders.find("tx-1")).willReturn(new OrderView("tx-1", "1", "张三", BigDecimal.ONE, status, null));

        mvc.perform(get("/checkout/orders/tx-1"))
                .andExpect(content().string(containsString(">" + status.text() + "</strong>")));
    }

    @Test
    void cutsAnOverlongResultShort() throws Exception {
        given(orders.find("tx-1")).willReturn(PENDING);

        mvc.perform(get("/checkout/orders/tx-1").param("result", "<script>" + "x".repeat(100)))
                .andExpect(content().string(allOf(containsString("&lt;script&gt;xxxxxxxxxxxxxxxxxxxxxxxx…"),
                        not(containsString("<script>x")))));
    }

    @Test
    void answersAnUnknownOrderWith404Problem() throws Exception {
        given(orders.find("nope")).willThrow(new RechargeNotFound("nope"));

        mvc.perform(get("/checkout/orders/nope").accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no recharge with txNo nope"));
        mvc.perform(get("/checkout/orders/nope/events").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isNotFound())
                .andExpect(request().asyncNotStarted());
    }

    @Test
    void streamsTheCurrentStatusThenSuccessWhenThePayResultIsAppliedAndEnds() throws Exception {
        given(orders.find("tx-1")).willReturn(PENDING);
        MvcResult stream = mvc.perform(get("/checkout/orders/tx-1/events").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andReturn();
        assertThat(stream.getResponse().getContentAsString()).contains("event:status")
                .contains("\"status\":\"pending\"");
        assertThat(streams.openStreams()).isEqualTo(1);

        given(orders.find("tx-1")).willReturn(SETTLED);
        events.publishEvent(new PayResultApplied("tx-1", SettledBy.NOTIFY, ApplyOutcome.CREDITED, 1, "1", new BigDecimal("100.00")));

        mvc.perform(asyncDispatch(stream)).andExpect(status().isOk());
        assertThat(stream.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
        assertThat(stream.getResponse().getContentAsString())
                .contains("\"status\":\"success\"").contains("\"settledBy\":\"NOTIFY\"");
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void sendsAFinalOrderAtOnceAndEnds() throws Exception {
        given(orders.find("tx-1")).willReturn(SETTLED);

        MvcResult stream = mvc.perform(get("/checkout/orders/tx-1/events")).andReturn();
        mvc.perform(asyncDispatch(stream)).andExpect(status().isOk());

        assertThat(stream.getResponse().getContentAsString()).contains("\"status\":\"success\"");
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void refusesAStreamBeyondTheLimitWith503() throws Exception {
        given(orders.find("tx-1")).willReturn(PENDING);
        MvcResult first = mvc.perform(get("/checkout/orders/tx-1/events")).andReturn();
        MvcResult second = mvc.perform(get("/checkout/orders/tx-1/events")).andReturn();

        mvc.perform(get("/checkout/orders/tx-1/events"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        given(orders.find("tx-1")).willReturn(SETTLED);
        events.publishEvent(new PayResultApplied("tx-1", SettledBy.MESSAGE, ApplyOutcome.CREDITED, 1, "1", new BigDecimal("100.00")));
        mvc.perform(asyncDispatch(first)).andExpect(status().isOk());
        mvc.perform(asyncDispatch(second)).andExpect(status().isOk());
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void neverFailsThePathThatAppliedThePayResult() {
        // A stream of its own, outside MVC, so that the one left open here is no other test's business.
        OrderStreams own = new OrderStreams(orders, new CheckoutProperties("http://127.0.0.1:8081",
                "http://127.0.0.1:8082", 2, Duration.ofMinutes(1)));
        given(orders.find("tx-2")).willReturn(PENDING);
        own.open("tx-2");
        given(orders.find("tx-2")).willThrow(new IllegalStateException("database down"));

        own.on(new PayResultApplied("tx-2", SettledBy.MESSAGE, ApplyOutcome.CREDITED, 1, "1", new BigDecimal("100.00")));

        assertThat(own.openStreams()).isEqualTo(1);
    }

    @TestConfiguration
    @EnableConfigurationProperties(CheckoutProperties.class)
    static class BoundProperties {
    }
}
