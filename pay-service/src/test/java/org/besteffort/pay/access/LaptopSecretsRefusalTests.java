package org.besteffort.pay.access;

import org.besteffort.edge.access.LaptopDefaultRefused;
import org.besteffort.pay.PayServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * pay-service outside the local profile refuses to start on a secret its application.yml ships, and says in one line
 * which setting to change, before it connects to anything or listens (no database or broker runs for this test).
 */
@ExtendWith(OutputCaptureExtension.class)
class LaptopSecretsRefusalTests {

    @Test
    void refusesTheLaptopDatabasePassword(CapturedOutput output) {
        assertThat(refusal("--spring.datasource.password=root")).isEqualTo("spring.datasource.password");
        assertThat(output).contains("Refusing to start: spring.datasource.password still has the laptop value from"
                + " application.yml; set SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void refusesTheLaptopSigningSecret(CapturedOutput output) {
        assertThat(refusal("--notifier.signing.secret=local-dev-secret-change-me"))
                .isEqualTo("notifier.signing.secret");
        assertThat(output).contains("set NOTIFIER_SIGNING_SECRET");
    }

    @Test
    void refusesTheOpenWalkthrough(CapturedOutput output) {
        assertThat(refusal("--edge.access.open-walkthrough=true")).isEqualTo("edge.access.open-walkthrough");
        assertThat(output).contains("set EDGE_ACCESS_OPEN_WALKTHROUGH=false");
    }

    /** Starts pay-service with these arguments (test application.properties sets non-laptop secrets); the setting refused. */
    private static String refusal(String... args) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PayServiceApplication.class)
                .run(args).close());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LaptopDefaultRefused refused) {
                return refused.setting();
            }
        }
        throw new AssertionError("pay-service did not refuse to start", failure);
    }
}
