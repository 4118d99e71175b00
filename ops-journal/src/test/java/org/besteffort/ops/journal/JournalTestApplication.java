package org.besteffort.ops.journal;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * A service with nothing of its own but the one advice each service has; the journal comes by auto-configuration.
 */
// No component scan: JournalController and JournalProblems are the auto-configuration's to declare.
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(JournalTestApplication.ServiceProblems.class)
class JournalTestApplication {

    /** Would answer a bad journal parameter without naming it, were JournalProblems not asked first. */
    @RestControllerAdvice
    static class ServiceProblems extends ResponseEntityExceptionHandler {
    }
}
