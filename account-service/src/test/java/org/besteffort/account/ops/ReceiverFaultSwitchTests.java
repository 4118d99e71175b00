package org.besteffort.account.ops;

import org.besteffort.account.receiver.DeliveryFaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiverFaultSwitchTests {

    // Boot's conversions, so that "faults.slow-deliveries-by: 0ms" binds to a Duration as in the application.
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(started -> started.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(ReceiverFaultSwitch.class);

    @Test
    void isAbsentOutsideTheLocalProfile() {
        context.run(started -> assertThat(started).doesNotHaveBean(DeliveryFaults.class));
        context.withPropertyValues("spring.profiles.active=default,demo")
                .run(started -> assertThat(started).doesNotHaveBean(DeliveryFaults.class));
    }

    @Test
    void failsTheNextDeliveriesSetByConfigurationUnderTheLocalProfile() {
        context.withPropertyValues("spring.profiles.active=local", "faults.fail-next-deliveries=2")
                .run(started -> {
                    DeliveryFaults faults = started.getBean(DeliveryFaults.class);
                    assertThatThrownBy(() -> faults.beforeApply("tx", 0)).hasMessageContaining("on purpose");
                    assertThatThrownBy(() -> faults.beforeApply("tx", 1)).hasMessageContaining("on purpose");
                    faults.beforeApply("tx", 2);
                });
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        var faults = new ReceiverFaultSwitch(0, 0, Duration.ZERO);

        assertThatThrownBy(() -> faults.change(new ReceiverFaultSwitch.Change(null, 1.5, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(faults.show().failFraction()).isZero();
    }
}
