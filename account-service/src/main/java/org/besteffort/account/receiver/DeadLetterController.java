package org.besteffort.account.receiver;

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

    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> list(@RequestParam(defaultValue = "100") int limit) throws Exception {
        return deadLetters.list(Math.max(1, Math.min(limit, 1000)));
    }
}
