package org.besteffort.notify.operator;

import jakarta.validation.ConstraintViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refused operator request into a {@link ProblemDetail}; the exceptions are named after facts and know
 * nothing of HTTP.
 */
@RestControllerAdvice
class OperatorProblems extends ResponseEntityExceptionHandler {

    /** No such task, endpoint or receiver. */
    @ExceptionHandler({TaskNotFound.class, EndpointNotFound.class, ReceiverNotFound.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidWindow(InvalidWindow e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A query parameter out of range, such as {@code limit=0}: raised by the {@code @Validated} controller's proxy. */
    @ExceptionHandler
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
