package org.besteffort.pay.payment;

import org.besteffort.common.PayResult;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.ops.journal.JournalAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.context.annotation.Import;
import org.besteffort.edge.access.EdgeAccessConfiguration;
import org.besteffort.pay.access.PayServiceAccess;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
// The edge's access rules for real, in the local walkthrough (MockMvc's requests come from 127.0.0.1).
@WebMvcTest(controllers = PaymentController.class, properties = "edge.access.open-walkthrough=true")
@ImportAutoConfiguration({JournalAutoConfiguration.class, EdgeAccessConfiguration.class})
@Import(PayServiceAccess.class)
class PaymentControllerTests {

    private static final Payment PAY = new Payment(1L, "tx-1", "1", new BigDecimal("100.10"), PayResult.SUCCESS,
            null, null, Instant.parse("2026-11-21T08:00:00.123Z"), Instant.parse("2026-11-21T08:00:00.123Z"), "bank1");

    private static final String NOTIFY_URL = "https://203.0.113.10/notify";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PaymentService payments;

    @Autowired
    Journal journal;

    @Test
    void answersThePayWithItsAmountExactlyAndItsTimeAsAnInstant() throws Exception {
        given(payments.pay(any(), any())).willReturn(PAY);

        mvc.perform(post("/paydo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNo\":\"1\",\"payAmount\":100.10,\"txNo\":\"tx-1\"}"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"txNo":"tx-1","accountNo":"1","payAmount":100.10,"result":"SUCCESS",
                         "paidAt":"2026-11-21T08:00:00.123Z","receiverId":null,"notifyUrl":null}"""));
    }

    @Test
    void bindsAndAnswersTheNotifyTargetOfAPay() throws Exception {
        Payment targeted = new Payment(PAY.id(), PAY.txNo(), PAY.accountNo(), PAY.payAmount(), PAY.result(),
                "shop-1", NOTIFY_URL, PAY.createdAt(), PAY.updatedAt(), "shop-1");
        given(payments.pay(eq(new PayRequest("1", new BigDecimal("100.10"), "tx-1", "shop-1", NOTIFY_URL)), any()))
                .willReturn(targeted);

        mvc.perform(post("/paydo").contentType(MediaType.APPLICATION_JSON).content("""
                        {"accountNo":"1","payAmount":100.10,"txNo":"tx-1","receiverId":"shop-1",
                         "notifyUrl":"%s"}""".formatted(NOTIFY_URL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.receiverId").value("shop-1"))
                .andExpect(jsonPath("$.notifyUrl").value(NOTIFY_URL));
        mvc.perform(get("/paydo").param("accountNo", "1").param("payAmount", "100.10").param("txNo", "tx-1")
                        .param("receiverId", "shop-1").param("notifyUrl", NOTIFY_URL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notifyUrl").value(NOTIFY_URL));
    }

    @Test
    void namesTheMissingHalfOfANotifyTarget() throws Exception {
        mvc.perform(post("/paydo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNo\":\"1\",\"payAmount\":1,\"receiverId\":\"shop-1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.notifyUrl").value("must be given together with receiverId"))
                .andExpect(jsonPath("$.errors.receiverId").doesNotExist());
        mvc.perform(get("/paydo").param("accountNo", "1").param("payAmount", "1").param("notifyUrl", NOTIFY_URL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.receiverId").value("must be given together with notifyUrl"));
        verifyNoInteractions(payments);
    }

    @Test
    void refusesAMalformedReceiverIdAndAnOverlongNotifyUrl() throws Exception {
        mvc.perform(post("/paydo").contentType(MediaType.APPLICATION_JSON).content("""
                        {"accountNo":"1","payAmount":1,"receiverId":"shop 1","notifyUrl":"https://203.0.113.10/%s"}"""
                        .formatted("x".repeat(500))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.receiverId").value("must be 1-32 letters, digits, '-' or '_'"))
                .andExpect(jsonPath("$.errors.notifyUrl").value("must be at most 512 characters"));
        verifyNoInteractions(payments);
    }

    @Test
    void bindsTheCourseGetFormToTheSameRequest() throws Exception {
        given(payments.pay(eq(new PayRequest("1", new BigDecimal("100.10"), "tx-1")), any())).willReturn(PAY);

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
        given(payments.find(eq("gone"), any())).willThrow(new PaymentNotFound("gone"));
        given(payments.pay(any(), any())).willThrow(new PaymentConflict("tx-1"));

        mvc.perform(get("/payresult/gone"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no pay with txNo gone"));
        mvc.perform(post("/paydo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountNo\":\"1\",\"payAmount\":1,\"txNo\":\"tx-1\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void namesTheRefusedFieldOfANotifyTarget() throws Exception {
        given(payments.pay(eq(new PayRequest("1", BigDecimal.ONE, null, "shop-9", NOTIFY_URL)), any()))
                .willThrow(new ReceiverNotRegistered("shop-9"));
        given(payments.pay(eq(new PayRequest("1", BigDecimal.ONE, null, "shop-1", NOTIFY_URL)), any()))
                .willThrow(new NotifyUrlNotAllowed(NOTIFY_URL, "is not a notify URL receiver shop-1 registered"));

        mvc.perform(get("/paydo").param("accountNo", "1").param("payAmount", "1")
                        .param("receiverId", "shop-9").param("notifyUrl", NOTIFY_URL))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.receiverId").value("is not a registered receiver"));
        mvc.perform(get("/paydo").param("accountNo", "1").param("payAmount", "1")
                        .param("receiverId", "shop-1").param("notifyUrl", NOTIFY_URL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.notifyUrl").value("is not a notify URL receiver shop-1 registered"));
    }

    @Test
    void journalsEachPayresultQueryAsFoundOrUnknown() throws Exception {
        given(payments.find(eq("tx-1"), any())).willReturn(PAY);
        given(payments.find(eq("gone"), any())).willThrow(new PaymentNotFound("gone"));
        long before = journal.page(0, 1).lastSeq();

        mvc.perform(get("/payresult/tx-1")).andExpect(status().isOk());
        mvc.perform(get("/payresult/gone")).andExpect(status().isNotFound());

        assertThat(journal.page(before, 10).entries())
                .extracting(JournalEntry::txNo, JournalEntry::step, JournalEntry::outcome, JournalEntry::amount,
                        JournalEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tx-1", "QUERIED", "FOUND", new BigDecimal("100.10"),
                                "answered SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("gone", "QUERIED", "UNKNOWN", null,
                                "answered 404: no pay with this txNo"));
    }
}
