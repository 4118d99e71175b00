package org.besteffort.account;

import org.besteffort.account.account.AccountNotFound;
import org.besteffort.account.checkout.OrderStreamsExhausted;
import org.besteffort.account.notify.NotificationNotVerified;
import org.besteffort.account.notify.NotificationRefused;
import org.besteffort.account.notify.NotificationUnreadable;
import org.besteffort.account.recharge.RechargeAmountTooLarge;
import org.besteffort.account.recharge.RechargeNotFound;
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
class AccountProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail accountNotFound(AccountNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail rechargeNotFound(RechargeNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail amountTooLarge(RechargeAmountTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", Map.of("amount", e.getMessage()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notificationNotVerified(NotificationNotVerified e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notificationUnreadable(NotificationUnreadable e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** 422, not 2xx: the gateway keeps the notification as failing; an operator finds it beside the parked row. */
    @ExceptionHandler
    ProblemDetail notificationRefused(NotificationRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setProperty("txNo", e.txNo());
        return problem;
    }

    /** 503, not 429: the limit is this instance's, not the caller's; the page tells the payer to reload later. */
    @ExceptionHandler
    ProblemDetail orderStreamsExhausted(OrderStreamsExhausted e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
