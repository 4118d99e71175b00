package org.besteffort.pay.payment;

import org.besteffort.common.PayResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Instant;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP contract of the notifier, without a database: binding, validation messages, problem details.
 */
@WebMvcTest(PaymentController.class)
class PaymentControllerTests {

    private static final Payment PAY = new Payment(1L, "tx-1", "1", new BigDecimal("100.10"), PayResult.SUCCESS,
            Instant.parse("2026-11-21T08:00:00.123Z"), Instant.parse("2026-11-21T08:00:00.123Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PaymentService payments;

    @Test
    void answersThePayWithItsAmountExactlyAndItsTimeAsAnInstant() throws Exception {
        given(payments.pay(any())).willReturn(PAY);

        mvc.perform(post("/paydo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNo\":\"1\",\"payAmount\":100.10,\"txNo\":\"tx-1\"}"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"txNo":"tx-1","accountNo":"1","payAmount":100.10,"result":"SUCCESS",
                         "paidAt":"2026-11-21T08:00:00.123Z"}"""));
    }

    @Test
    void bindsTheCourseGetFormToTheSameRequest() throws Exception {
        given(payments.pay(new PayRequest("1", new BigDecimal("100.10"), "tx-1"))).willReturn(PAY);

        mvc.perform(get("/paydo").param("accountNo", "1").param("payAmount", "100.10").param("txNo", "tx-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.txNo").value("tx-1"));
    }

    @Test
    void namesEveryInvalidFieldInOneProblem() throws Exception {
        mvc.perform(post("/paydo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNo\":\"\",\"payAmount\":1.234}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.accountNo").exists())
                .andExpect(jsonPath("$.errors.payAmount").value("must have at most 2 decimals"));
        verifyNoInteractions(payments);
    }

    @Test
    void mapsDomainRefusalsToProblems() throws Exception {
        given(payments.find("gone")).willThrow(new PaymentNotFound("gone"));
        given(payments.pay(any())).willThrow(new PaymentConflict("tx-1"));

        mvc.perform(get("/payresult/gone"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no pay with txNo gone"));
        mvc.perform(post("/paydo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNo\":\"1\",\"payAmount\":1,\"txNo\":\"tx-1\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
