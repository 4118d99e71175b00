package org.besteffort.pay.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ops/faults}: shows and changes the notifier's fault switches. Local profile only.
 */
@RestController
@Profile("local")
@RequestMapping("/ops/faults")
class NotifierFaultsController {

    private final NotifierFaults faults;

    NotifierFaultsController(NotifierFaults faults) {
        this.faults = faults;
    }

    @Operation(summary = "The notifier's fault switches as they stand (local profile only)")
    @GetMapping
    NotifierFaults.State show() {
        return faults.state();
    }

    /** Partial: {@code {"dropFraction":0.3}} changes that switch only; {@code "payresultUnavailableFor":"PT30S"}. */
    @Operation(summary = "Break the notifier on purpose (local profile only)",
            description = "Partial: only the switches named change. Lose or duplicate notifications (all, the next N, "
                    + "or a fraction), answer /payresult 503 for a while, or halt pay-service at a crash point of its "
                    + "send mode (crashAt).")
    @ApiResponse(responseCode = "200", description = "The switches as they now stand")
    @ApiResponse(responseCode = "400", description = "A fraction outside 0..1, or a crash point the send mode never "
            + "passes: no switch changed", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "bad fraction", value = """
                    {"type":"about:blank","title":"Bad Request","status":400,
                     "detail":"a fraction must be between 0 and 1, not 2.0","instance":"/ops/faults"}""")))
    @PostMapping
    NotifierFaults.State change(@RequestBody NotifierFaults.Change change) {
        return faults.change(change);
    }

    @ExceptionHandler
    ProblemDetail badSwitch(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
