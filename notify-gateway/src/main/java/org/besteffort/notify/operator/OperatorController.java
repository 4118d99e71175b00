package org.besteffort.notify.operator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.besteffort.notify.task.NotifyEndpoint;
import org.besteffort.notify.task.NotifyTaskStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/**
 * The operator's API: look at tasks and attempts, re-notify, recover, disable and enable endpoints.
 */
@ApiResponse(responseCode = "401", description = "No operator token, or one the gateway does not know (outside the "
        + "local profile); a receiver's key gets 403", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "no token",
        value = OperatorExamples.NOT_RECOGNISED)))
@RestController
@RequestMapping("/operator")
@Validated
class OperatorController {

    private final NotifyOperations operations;

    OperatorController(NotifyOperations operations) {
        this.operations = operations;
    }

    @Operation(summary = "The notifications owed, newest first",
            description = "Filter by receiver, status and time; page on with `beforeId` = the last id of the page.")
    @ApiResponse(responseCode = "400", description = "A limit outside 1..500 or a value that does not parse", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "limit out of range",
            value = OperatorExamples.LIMIT_OUT_OF_RANGE)))
    @GetMapping("/tasks")
    List<TaskView> tasks(@RequestParam(required = false) String receiverId,
                         @RequestParam(required = false) NotifyTaskStatus status,
                         @RequestParam(required = false) Instant since,
                         @RequestParam(required = false) Instant until,
                         @RequestParam(required = false) Long beforeId,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return operations.search(receiverId, status, since, until, beforeId, limit).stream().map(TaskView::of)
                .toList();
    }

    @Operation(summary = "One task with every HTTP attempt it made", description = "What the operator reads when a "
            + "receiver says it never got a notification: each attempt's status, latency and answer.")
    @ApiResponse(responseCode = "404", description = "No such task", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "unknown task",
            value = OperatorExamples.TASK_NOT_FOUND)))
    @GetMapping("/tasks/{id}")
    TaskDetailView task(@PathVariable long id) {
        return operations.detail(id);
    }

    @Operation(summary = "Re-notify one task now", description = "Fresh attempts from the start of the schedule, "
            + "whatever its status; the receiver's idempotency makes a repeat harmless. Logged in the action log.")
    @ApiResponse(responseCode = "404", description = "No such task", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "unknown task",
            value = OperatorExamples.TASK_NOT_FOUND)))
    @PostMapping("/tasks/{id}/renotify")
    TaskView renotify(@PathVariable long id, Principal operator) {
        return TaskView.of(operations.renotify(id, operator.getName()));
    }

    @Operation(summary = "Recover a receiver after an outage", description = "Every FAILED task of the receiver "
            + "in the window gets fresh attempts. Logged in the action log.")
    @ApiResponse(responseCode = "400", description = "A window that ends before it starts", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "bad window",
            value = OperatorExamples.INVALID_WINDOW)))
    @ApiResponse(responseCode = "404", description = "No such receiver", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "unknown receiver",
            value = OperatorExamples.RECEIVER_NOT_FOUND)))
    @PostMapping("/receivers/{receiverId}/recover")
    RecoverView recover(@PathVariable String receiverId, @Valid @RequestBody RecoverRequest request,
                        Principal operator) {
        return operations.recover(receiverId, request.since(), request.until(), operator.getName());
    }

    @Operation(summary = "The receivers' notify URLs, enabled or disabled, and why")
    @GetMapping("/endpoints")
    List<NotifyEndpoint> endpoints() {
        return operations.endpoints();
    }

    @Operation(summary = "Stop delivering to one notify URL", description = "Its tasks wait; nothing is lost. "
            + "Logged in the action log.")
    @ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "unknown endpoint",
            value = OperatorExamples.ENDPOINT_NOT_FOUND)))
    @PostMapping("/endpoints/{id}/disable")
    NotifyEndpoint disable(@PathVariable long id, @Valid @RequestBody(required = false) DisableRequest request,
                           Principal operator) {
        return operations.disable(id, request == null ? null : request.reason(), operator.getName());
    }

    @Operation(summary = "Deliver to one notify URL again", description = "Its waiting tasks are delivered. "
            + "Logged in the action log.")
    @ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "unknown endpoint",
            value = OperatorExamples.ENDPOINT_NOT_FOUND)))
    @PostMapping("/endpoints/{id}/enable")
    NotifyEndpoint enable(@PathVariable long id, Principal operator) {
        return operations.enable(id, operator.getName());
    }

    @Operation(summary = "The operators' action log, newest first")
    @GetMapping("/actions")
    List<OperatorAction> actions(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return operations.actions(limit);
    }
}
