package org.besteffort.ops.journal;

import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /ops/journal}: the page's shape as JSON, and a problem for a bad {@code after} or {@code limit}.
 */
@SpringBootTest(properties = "spring.application.name=some-service")
@AutoConfigureMockMvc
class JournalControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Journal journal;

    @Test
    void answersTheEntriesAfterASeqWithTheirTimeAsAnInstantAndTheirAmountExactly() throws Exception {
        long before = journal.page(0, 1).lastSeq();
        journal.append("tx-1", JournalStep.RECORDED, null, "SUCCESS", "1", new BigDecimal("100.00"), "no notify");
        journal.append("tx-1", JournalStep.ANNOUNCED, 1, "SENT", null, null, "msg-1");

        mvc.perform(get("/ops/journal").param("after", Long.toString(before)).param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.service").value("some-service"))
                .andExpect(jsonPath("$.instance").isNotEmpty())
                .andExpect(jsonPath("$.capacity").value(10000))
                .andExpect(jsonPath("$.oldestSeq").value(1))
                .andExpect(jsonPath("$.lastSeq").value(before + 2))
                .andExpect(jsonPath("$.entries", hasSize(1)))
                .andExpect(jsonPath("$.entries[0].seq").value(before + 1))
                .andExpect(jsonPath("$.entries[0].at")
                        .value(matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")))
                .andExpect(jsonPath("$.entries[0].txNo").value("tx-1"))
                .andExpect(jsonPath("$.entries[0].step").value("RECORDED"))
                .andExpect(jsonPath("$.entries[0].attempt").doesNotExist())
                .andExpect(jsonPath("$.entries[0].outcome").value("SUCCESS"))
                .andExpect(jsonPath("$.entries[0].accountNo").value("1"))
                .andExpect(jsonPath("$.entries[0].detail").value("no notify"))
                .andExpect(content().string(containsString("\"amount\":100.00,")));
    }

    @Test
    void readsFromTheStartWithFiveHundredAtMostByDefault() throws Exception {
        mvc.perform(get("/ops/journal"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(lessThanOrEqualTo(500)));
    }

    @Test
    void refusesANegativeAfterAndALimitOutsideOneToAThousandNamingTheParameter() throws Exception {
        mvc.perform(get("/ops/journal").param("after", "-1").param("limit", "1001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.after").value("must be greater than or equal to 0"))
                .andExpect(jsonPath("$.errors.limit").value("must be less than or equal to 1000"));
        mvc.perform(get("/ops/journal").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit must be greater than or equal to 1"));
    }

    @Test
    void refusesAnAfterThatIsNotANumberWithAProblem() throws Exception {
        mvc.perform(get("/ops/journal").param("after", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("'after'")));
    }
}
