package org.besteffort.edge.access;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 401 and 403 as ProblemDetails, with the headers they carry. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessProblems {

    @ExceptionHandler(NotAuthenticated.class)
    ResponseEntity<ProblemDetail> notAuthenticated(NotAuthenticated e) {
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).body(e.getBody());
    }

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowed e) {
        return ResponseEntity.status(e.getStatusCode()).body(e.getBody());
    }
}
