package org.besteffort.edge;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/** A request body above {@code edge.max-request-body}: 413, and nothing of it was read further or written. */
public class RequestBodyTooLarge extends ErrorResponseException {

    RequestBodyTooLarge(String size, DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, problem(size, limit), null);
    }

    private static ProblemDetail problem(String size, DataSize limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body has " + size + "; this service accepts at most " + limit.toBytes()
                        + " bytes (edge.max-request-body).");
        problem.setTitle("Request body too large");
        return problem;
    }
}
