package org.besteffort.account.receiver;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /dead-letters}: what the broker gave up redelivering. Their pays still settle, by reconciliation or
 * by statement; this is where an operator sees that something failed that often.
 */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "Messages the broker gave up redelivering (%DLQ%)",
            description = "Newest first, at most `limit` (1 to 1000). Their pays still settle, by reconciliation or by "
                    + "the statement: this is where an operator sees what failed that often.")
    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> list(@RequestParam(defaultValue = "100") int limit) throws Exception {
        return deadLetters.list(Math.max(1, Math.min(limit, 1000)));
    }
}
