package org.besteffort.local.infra;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONReader;
import org.besteffort.common.journal.JournalEntry;
import org.besteffort.common.journal.JournalPage;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a running service's {@code GET /ops/journal} the way the console does: page by page from seq 0.
 */
public record TestJournal(TestHttp http) {

    private static final int PAGE = 1_000;

    /** Every entry the service still holds, oldest first. */
    public List<JournalEntry> entries() {
        List<JournalEntry> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            TestHttp.Response response = http.get("/ops/journal?after=" + after + "&limit=" + PAGE);
            if (response.status() != 200) {
                throw new IllegalStateException("GET /ops/journal answered " + response.status() + ": "
                        + response.body());
            }
            JournalPage page = page(response.body());
            entries.addAll(page.entries());
            if (page.entries().size() < PAGE) {
                return entries;
            }
            after = page.entries().get(page.entries().size() - 1).seq();
        }
    }

    /** The entries about this pay, oldest first. */
    public List<JournalEntry> of(String txNo) {
        return entries().stream().filter(entry -> txNo.equals(entry.txNo())).toList();
    }

    /** Reads one answer of {@code /ops/journal}; amounts as exact decimals. */
    public static JournalPage page(String json) {
        return JSON.parseObject(json, JournalPage.class, JSONReader.Feature.UseBigDecimalForDoubles);
    }
}
