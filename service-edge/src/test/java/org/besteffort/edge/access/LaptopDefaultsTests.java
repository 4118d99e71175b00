package org.besteffort.edge.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which values {@link LaptopDefaults} refuses: the shipped one outside the local profile, nothing else. */
class LaptopDefaultsTests {

    private static final String SHIPPED = "Config resource 'class path resource [application.yml]' via location"
            + " 'optional:classpath:/'";

    @Test
    void refusesTheShippedSecretOutsideTheLocalProfile() {
        assertThatThrownBy(() -> check(environment(null)))
                .isInstanceOf(LaptopDefaultRefused.class)
                .hasMessage("Refusing to start: demo.secret still has the laptop value from application.yml; set"
                        + " DEMO_SECRET (or run with the local profile on a laptop).");
    }

    @Test
    void startsWithASecretOfItsOwn() {
        assertThatCode(() -> check(environment("a-secret-of-this-deployment"))).doesNotThrowAnyException();
    }

    @Test
    void startsWithTheShippedSecretInTheLocalProfile() {
        StandardEnvironment local = environment(null);
        local.setActiveProfiles("local");
        assertThatCode(() -> check(local)).doesNotThrowAnyException();
    }

    @Test
    void namesTheEnvironmentVariableOfAListEntry() {
        assertThatCode(() -> {
            throw new LaptopDefaultRefused("gateway.receivers.bank1.secrets[0]");
        }).hasMessageContaining("set GATEWAY_RECEIVERS_BANK1_SECRETS_0 ");
    }

    /** application.yml ships demo.secret=laptop and lists it; {@code override}, when set, comes from the environment. */
    private static StandardEnvironment environment(String override) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource(SHIPPED,
                Map.of("demo.secret", "laptop", "edge.laptop-defaults[0]", "demo.secret")));
        if (override != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("demo.secret", override)));
        }
        return environment;
    }

    private static void check(StandardEnvironment environment) {
        LaptopDefaults check = new LaptopDefaults();
        check.setEnvironment(environment);
        check.postProcessBeanFactory(new DefaultListableBeanFactory());
    }
}
