package org.besteffort.pay.payment;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Map;
import java.util.TreeMap;

/**
 * Turns every refused request into a {@link ProblemDetail}; the domain exceptions know nothing of HTTP.
 */
@RestControllerAdvice
class PaymentProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail paymentNotFound(PaymentNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> payNotRecorded(PayNotRecorded e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Pay not recorded");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler
    ProblemDetail paymentConflict(PaymentConflict e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail payAmountTooLarge(PayAmountTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", Map.of("payAmount", e.getMessage()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail receiverNotRegistered(ReceiverNotRegistered e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", Map.of("receiverId", e.reason()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notYourReceiver(NotYourReceiver e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setProperty("errors", Map.of("receiverId", "must be the calling receiver's own id"));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notifyUrlNotAllowed(NotifyUrlNotAllowed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", Map.of("notifyUrl", e.reason()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail returnUrlNotAllowed(ReturnUrlNotAllowed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", Map.of("returnUrl", e.reason()));
        return problem;
    }

    /** Names each invalid field, so that a tester sees what to fix. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> errors = new TreeMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(),
                    error.isBindingFailure() ? "is not a valid value" : error.getDefaultMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid pay request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
