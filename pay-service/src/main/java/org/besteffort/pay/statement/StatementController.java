package org.besteffort.pay.statement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * {@code GET /statements?after=<cursor>&limit=<n>}: the settled pays after the cursor, oldest first.
 */
@RestController
class StatementController {

    private final StatementMapper statements;
    private final StatementProperties properties;
    private final Clock clock;

    StatementController(StatementMapper statements, StatementProperties properties, Clock clock) {
        this.statements = statements;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/statements")
    StatementPage page(@RequestParam(required = false) String after,
                       @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > properties.maxPageSize()) {
            throw new IllegalArgumentException("limit must be between 1 and " + properties.maxPageSize());
        }
        StatementCursor cursor = StatementCursor.parse(after);
        List<StatementLine> pays = statements.page(cursor, clock.instant().minus(properties.settleLag()), limit);
        String next = pays.isEmpty() ? cursor.format() : StatementCursor.of(pays.get(pays.size() - 1)).format();
        return new StatementPage(pays, next);
    }

    @ExceptionHandler
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
