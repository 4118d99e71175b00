package org.besteffort.local.infra;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TestJournalTests {

    @Test
    void readsAPageAsTheServicesWriteIt() {
        var page = TestJournal.page("""
                {"service":"pay-service","instance":"5f0c","capacity":10000,"oldestSeq":1,"lastSeq":2,"entries":[
                 {"seq":1,"at":"2026-11-21T08:15:30.123Z","txNo":"tx-1","step":"RECORDED","attempt":null,
                  "outcome":"SUCCESS","accountNo":"1","amount":100.00,"detail":"no notify URL"},
                 {"seq":2,"at":"2026-11-21T08:15:30.125Z","txNo":"tx-1","step":"ANNOUNCED","attempt":1,
                  "outcome":"SENT","accountNo":null,"amount":null,"detail":"msg-1"}]}""");

        assertThat(page.service()).isEqualTo("pay-service");
        assertThat(page.lastSeq()).isEqualTo(2);
        assertThat(page.entries()).hasSize(2);
        var recorded = page.entries().get(0);
        assertThat(recorded.at()).isEqualTo(Instant.parse("2026-11-21T08:15:30.123Z"));
        assertThat(recorded.amount()).hasToString("100.00");
        assertThat(recorded.attempt()).isNull();
        assertThat(page.entries().get(1).attempt()).isEqualTo(1);
    }
}
