package org.besteffort.pay.ops;

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

    @GetMapping
    NotifierFaults.State show() {
        return faults.state();
    }

    /** Partial: {@code {"dropFraction":0.3}} changes that switch only; {@code "payresultUnavailableFor":"PT30S"}. */
    @PostMapping
    NotifierFaults.State change(@RequestBody NotifierFaults.Change change) {
        return faults.change(change);
    }

    @ExceptionHandler
    ProblemDetail badSwitch(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
