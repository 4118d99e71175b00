package org.besteffort.edge;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class DatabaseUnavailableProblemsTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new DatabaseUnavailableProblems(), new ServiceOwnProblems()).build();

    @Test
    void answersAPoolThatGaveUpWith503AndRetryAfter() throws Exception {
        mvc.perform(get("/fail/no-connection"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Database unavailable"))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void answersATransactionThatCouldNotBeginWith503() throws Exception {
        mvc.perform(get("/fail/no-transaction"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void answersACommitOverABrokenConnectionWith503() throws Exception {
        mvc.perform(get("/fail/commit-lost"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void answersACommitLostWithItsRollbackWith503() throws Exception {
        mvc.perform(get("/fail/commit-and-rollback-lost"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void leavesAnyOtherUncategorizedFailureA500ProblemDetail() throws Exception {
        mvc.perform(get("/fail/mybatis-refused"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.title").value("Database error"));
    }

    @Test
    void leavesWhatTheServiceAnswersItselfToTheService() throws Exception {
        mvc.perform(get("/fail/duplicate"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("already there"));
    }

    @RestController
    static class FailingController {

        @GetMapping("/fail/{how}")
        String fail(@PathVariable String how) {
            throw switch (how) {
                case "no-connection" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
                case "no-transaction" -> new CannotCreateTransactionException("Could not open JDBC Connection",
                        new SQLException("Communications link failure", "08S01"));
                case "commit-lost" -> new TransactionSystemException("Could not commit JDBC transaction",
                        new SQLRecoverableException("Communications link failure"));
                case "commit-and-rollback-lost" -> new TransactionSystemException("JDBC rollback failed",
                        new SQLException("Connection is closed"));
                case "mybatis-refused" -> new UncategorizedSQLException("select", "SELECT 1",
                        new SQLException("Unknown column 'x'", "42S22"));
                default -> new DuplicateKeyException("already there");
            };
        }
    }

    /** Stands for a service's own advice, ordered after the shared one. */
    @RestControllerAdvice
    static class ServiceOwnProblems {

        @ExceptionHandler
        ProblemDetail duplicate(DuplicateKeyException e) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
