package org.besteffort.edge.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403: a known caller whose role this path does not take. */
public class NotAllowed extends ErrorResponseException {

    NotAllowed(String caller, String path) {
        super(HttpStatus.FORBIDDEN, problem(caller, path), null);
    }

    private static ProblemDetail problem(String caller, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                caller + " may not call " + path + ": the query APIs are for receivers, /ops, Actuator and the"
                        + " operator's API for operators.");
        problem.setTitle("Not allowed");
        return problem;
    }
}
