package org.besteffort.notify.operator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.besteffort.notify.task.NotifyEndpoint;
import org.besteffort.notify.task.NotifyTaskStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The operator's API: look at tasks and attempts, re-notify, recover, disable and enable endpoints.
 */
@RestController
@RequestMapping("/operator")
@Validated
class OperatorController {

    private final NotifyOperations operations;

    OperatorController(NotifyOperations operations) {
        this.operations = operations;
    }

    /** Newest first; page on with {@code beforeId} = the last id of the page. */
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

    @GetMapping("/tasks/{id}")
    TaskDetailView task(@PathVariable long id) {
        return operations.detail(id);
    }

    @PostMapping("/tasks/{id}/renotify")
    TaskView renotify(@PathVariable long id, @RequestAttribute(OperatorAccess.OPERATOR) String operator) {
        return TaskView.of(operations.renotify(id, operator));
    }

    @PostMapping("/receivers/{receiverId}/recover")
    RecoverView recover(@PathVariable String receiverId, @Valid @RequestBody RecoverRequest request,
                        @RequestAttribute(OperatorAccess.OPERATOR) String operator) {
        return operations.recover(receiverId, request.since(), request.until(), operator);
    }

    @GetMapping("/endpoints")
    List<NotifyEndpoint> endpoints() {
        return operations.endpoints();
    }

    @PostMapping("/endpoints/{id}/disable")
    NotifyEndpoint disable(@PathVariable long id, @Valid @RequestBody(required = false) DisableRequest request,
                           @RequestAttribute(OperatorAccess.OPERATOR) String operator) {
        return operations.disable(id, request == null ? null : request.reason(), operator);
    }

    @PostMapping("/endpoints/{id}/enable")
    NotifyEndpoint enable(@PathVariable long id, @RequestAttribute(OperatorAccess.OPERATOR) String operator) {
        return operations.enable(id, operator);
    }

    @GetMapping("/actions")
    List<OperatorAction> actions(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return operations.actions(limit);
    }
}
