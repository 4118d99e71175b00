package org.besteffort.pay.statement;

import org.besteffort.edge.access.ReceiverScope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /statements?after=<cursor>&limit=<n>}: the settled pays after the cursor, oldest first.
 */
@RestController
class StatementController {

    private static final Set<String> PARAMETERS = new TreeSet<>(Set.of("after", "limit"));

    private final StatementMapper statements;
    private final StatementProperties properties;
    private final Clock clock;

    StatementController(StatementMapper statements, StatementProperties properties, Clock clock) {
        this.statements = statements;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "The statement: every pay, in the order it was last written",
            description = "Keyset pages of at most `limit` (1 to statement.max-page-size) pays older than the settle "
                    + "lag; pass the answer's `next` as `after` for the next page. What the receiver's statement job "
                    + "reads to find a pay whose message and query both missed it.")
    @ApiResponse(responseCode = "200", description = "One page and the cursor after it")
    @ApiResponse(responseCode = "400", description = "A limit out of range, a cursor that is not one, or a parameter "
            + "other than after and limit",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "limit out of range", value = """
                            {"type":"about:blank","title":"Bad Request","status":400,
                             "detail":"limit must be between 1 and 500","instance":"/statements"}""")))
    @GetMapping("/statements")
    StatementPage page(@RequestParam(required = false) String after,
                       @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        // A misspelt parameter (?cursor=) would otherwise be ignored, and the first page answered as if it were right.
        for (String name : request.getParameterMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter " + name + ": this endpoint takes " + PARAMETERS);
            }
        }
        if (limit < 1 || limit > properties.maxPageSize()) {
            throw new IllegalArgumentException("limit must be between 1 and " + properties.maxPageSize());
        }
        StatementCursor cursor = StatementCursor.parse(after);
        List<StatementLine> pays = statements.pageOf(ReceiverScope.current(), cursor,
                clock.instant().minus(properties.settleLag()), limit);
        String next = pays.isEmpty() ? cursor.format() : StatementCursor.of(pays.get(pays.size() - 1)).format();
        return new StatementPage(pays, next);
    }

    @ExceptionHandler
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
