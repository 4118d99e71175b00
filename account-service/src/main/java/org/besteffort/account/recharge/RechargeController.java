package org.besteffort.account.recharge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Starts a recharge and shows where it stands.
 */
@RestController
class RechargeController {

    private final RechargeService recharges;

    RechargeController(RechargeService recharges) {
        this.recharges = recharges;
    }

    /** 202: the recharge is recorded; its result may still be on its way. */
    @Operation(summary = "Start a recharge",
            description = "Records the recharge as PENDING under a new txNo, then asks pay-service to pay it. Its "
                    + "result arrives later: by message, by the notify URL, or by reconciliation.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(name = "a recharge", value = RechargeExamples.REQUEST)))
    @ApiResponse(responseCode = "202", description = "Recorded; its result may still be on its way",
            content = @Content(schema = @Schema(implementation = RechargeView.class),
                    examples = @ExampleObject(name = "pending", value = RechargeExamples.STARTED)))
    @ApiResponse(responseCode = "400", description = "Invalid request or amount above recharge.max-amount: nothing "
            + "recorded", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "an invalid field", value = RechargeExamples.INVALID)))
    @ApiResponse(responseCode = "404", description = "No such account: nothing recorded", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "unknown account", value = RechargeExamples.NO_ACCOUNT)))
    @PostMapping("/recharges")
    ResponseEntity<RechargeView> start(@Valid @RequestBody RechargeRequest request) {
        Recharge recharge = recharges.start(request);
        return ResponseEntity.accepted()
                .location(URI.create("/recharges/" + recharge.txNo()))
                .body(RechargeView.of(recharge));
    }

    @Operation(summary = "A recharge and how it was settled")
    @ApiResponse(responseCode = "200", description = "The recharge: PENDING, SETTLED (and by which path), FAILED or "
            + "EXPIRED", content = @Content(schema = @Schema(implementation = RechargeView.class),
            examples = @ExampleObject(name = "settled by its message", value = RechargeExamples.SETTLED)))
    @ApiResponse(responseCode = "404", description = "No recharge with this txNo", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "unknown txNo", value = RechargeExamples.NO_RECHARGE)))
    @GetMapping("/recharges/{txNo}")
    RechargeView recharge(@PathVariable String txNo) {
        return RechargeView.of(recharges.find(txNo));
    }
}
