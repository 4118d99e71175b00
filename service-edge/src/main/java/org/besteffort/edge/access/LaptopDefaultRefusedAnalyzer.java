package org.besteffort.edge.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refusal into Spring Boot's start-failure report: the one line, without a stack trace. */
public final class LaptopDefaultRefusedAnalyzer extends AbstractFailureAnalyzer<LaptopDefaultRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LaptopDefaultRefused cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + LaptopDefaultRefused.environmentVariable(
                cause.setting()) + " to a secret of this deployment's own.", cause);
    }
}
