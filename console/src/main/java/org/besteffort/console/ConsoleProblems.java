package org.besteffort.console;

import org.besteffort.console.scenario.NoSuchScenario;
import org.besteffort.console.scenario.ScenarioAlreadyRunning;
import org.besteffort.console.scenario.ScenariosNotEnabled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The console's errors as problem details; an answer forwarded from a service keeps that service's own.
 */
@RestControllerAdvice
class ConsoleProblems {

    @ExceptionHandler(ServiceDidNotAnswer.class)
    ProblemDetail serviceDidNotAnswer(ServiceDidNotAnswer e) {
        return problem(HttpStatus.BAD_GATEWAY, "Service did not answer", e);
    }

    @ExceptionHandler({NoSuchService.class, NoSuchScenario.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e);
    }

    @ExceptionHandler(ScenariosNotEnabled.class)
    ProblemDetail scenariosNotEnabled(ScenariosNotEnabled e) {
        return problem(HttpStatus.FORBIDDEN, "Scenarios not enabled", e);
    }

    @ExceptionHandler(ScenarioAlreadyRunning.class)
    ProblemDetail scenarioAlreadyRunning(ScenarioAlreadyRunning e) {
        return problem(HttpStatus.CONFLICT, "A scenario is running", e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
