package org.besteffort.edge;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The answer to a request beyond the edge's limits ({@link RequestBodyLimit}): its status, as a ProblemDetail. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimitProblems {

    @ExceptionHandler(RequestBodyTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLarge e) {
        return ResponseEntity.status(e.getStatusCode()).body(e.getBody());
    }
}
