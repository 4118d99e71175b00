package org.besteffort.ops.journal;

import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration gives a service: one journal named after it, sized by {@code ops.journal.capacity}.
 */
class JournalAutoConfigurationTests {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JournalAutoConfiguration.class))
            .withPropertyValues("spring.application.name=pay-service");

    @Test
    void namesTheJournalAfterTheServiceAndKeepsAsManyStepsAsConfigured() {
        service.withPropertyValues("ops.journal.capacity=50").run(context -> {
            JournalPage page = context.getBean(Journal.class).page(0, 1);

            assertThat(page.service()).isEqualTo("pay-service");
            assertThat(page.capacity()).isEqualTo(50);
            assertThat(context).hasSingleBean(JournalController.class).hasSingleBean(JournalProblems.class);
        });
    }

    @Test
    void keepsAJournalTheServiceDeclaresItself() {
        service.withBean(Journal.class, () -> new Journal("its-own", 5)).run(context ->
                assertThat(context.getBean(Journal.class).page(0, 1).service()).isEqualTo("its-own"));
    }

    @Test
    void servesNoPageOutsideAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JournalAutoConfiguration.class))
                .withPropertyValues("spring.application.name=pay-service")
                .run(context -> assertThat(context).hasSingleBean(Journal.class)
                        .doesNotHaveBean(JournalController.class).doesNotHaveBean(JournalProblems.class));
    }
}
