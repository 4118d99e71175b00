package org.besteffort.ops.journal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ops/journal?after=<seq>&limit=<n>}: the journal's entries after a seq, oldest first.
 */
// Declared by JournalAutoConfiguration, not found by a component scan (as Boot's own BasicErrorController).
@RestController
class JournalController {

    private final Journal journal;

    JournalController(Journal journal) {
        this.journal = journal;
    }

    @GetMapping("/ops/journal")
    JournalPage page(@RequestParam(defaultValue = "0") @Min(0) long after,
                     @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
        return journal.page(after, limit);
    }
}
