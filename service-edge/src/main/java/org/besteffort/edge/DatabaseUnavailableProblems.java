package org.besteffort.edge;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that cannot reach the database gets 503 with {@code Retry-After}: the connection pool gives up after its
 * short {@code connection-timeout} (1 s in each service's {@code application.yml}), and a connection that broke
 * mid-request fails at once. Nothing was written, or the write's outcome is unknown; either way the client should
 * send the same request again later, which every write here makes safe (the txNo decides).
 *
 * <p>First of all advices, and only for these exception types: the services' own advices still answer a duplicate key
 * or a constraint as before.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableProblems {

    /** Seconds a client should wait: about how long the pool needs to open connections again once the server is up. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);

    /**
     * No connection could be had (the pool timed out, the server refused or dropped it), or a commit or rollback
     * failed: then the server or the connection went away mid-transaction, and the outcome is unknown to this service.
     * Either way the same request sent again later settles it.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, RecoverableDataAccessException.class,
            TransactionSystemException.class})
    ResponseEntity<ProblemDetail> unreachable(Exception e) {
        return unavailable(e);
    }

    /** A MyBatis call that failed: 503 only when a broken connection caused it; anything else stays a 500. */
    @ExceptionHandler(UncategorizedDataAccessException.class)
    ResponseEntity<ProblemDetail> failed(RuntimeException e) {
        if (causedByLostConnection(e)) {
            return unavailable(e);
        }
        log.error("Request failed in the database", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The database refused the request; nothing is known to be written.");
        problem.setTitle("Database error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private static ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Database unavailable, answering 503: {}", rootMessage(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached. Send the same request again in " + RETRY_AFTER_SECONDS
                        + " seconds: it is applied at most once.");
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(problem);
    }

    /** A connection failure anywhere in the causes: SQLSTATE class 08, or the JDBC connection exception types. */
    static boolean causedByLostConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLRecoverableException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
