package org.besteffort.edge.access;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 401: no key where one is needed, or a key this service does not accept. Says which header to send. */
public class NotAuthenticated extends ErrorResponseException {

    NotAuthenticated(String detail) {
        super(HttpStatus.UNAUTHORIZED, problem(detail), null);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail
                + " Send 'Authorization: Bearer <key>' with a receiver's API key or an operator's token.");
        problem.setTitle("Not authenticated");
        return problem;
    }
}
