package org.besteffort.account.ops;

import org.besteffort.account.notify.NotifyFaults;
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
        context.run(started -> assertThat(started).doesNotHaveBean(DeliveryFaults.class)
                .doesNotHaveBean(NotifyFaults.class));
        context.withPropertyValues("spring.profiles.active=default,demo")
                .run(started -> assertThat(started).doesNotHaveBean(DeliveryFaults.class)
                        .doesNotHaveBean(NotifyFaults.class));
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
    void answersTheNextNotifiesDownSetByConfigurationWithoutTouchingDeliveries() {
        context.withPropertyValues("spring.profiles.active=local", "faults.fail-next-notifies=2")
                .run(started -> {
                    NotifyFaults faults = started.getBean(NotifyFaults.class);
                    assertThat(faults.answerDown("pay_tx", 1)).isTrue();
                    assertThat(faults.answerDown("pay_tx", 2)).isTrue();
                    assertThat(faults.answerDown("pay_tx", 3)).isFalse();
                    started.getBean(DeliveryFaults.class).beforeApply("tx", 0);
                });
    }

    @Test
    void answersEveryNotifyDownAtFractionOneAndNoneAtZero() {
        var faults = new ReceiverFaultSwitch(0, 0, Duration.ZERO, 0, 1);

        assertThat(faults.answerDown("pay_tx", 1)).isTrue();
        faults.change(new ReceiverFaultSwitch.Change(null, null, null, null, 0.0));
        assertThat(faults.answerDown("pay_tx", 2)).isFalse();
    }

    @Test
    void changesOnlyTheSwitchesItNames() {
        var faults = new ReceiverFaultSwitch(1, 0.2, Duration.ofMillis(200), 0, 0);

        var state = faults.change(new ReceiverFaultSwitch.Change(null, null, null, 3, null));

        assertThat(state).isEqualTo(new ReceiverFaultSwitch.State(1, 0.2, Duration.ofMillis(200), 3, 0));
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        var faults = new ReceiverFaultSwitch(0, 0, Duration.ZERO, 0, 0);

        assertThatThrownBy(() -> faults.change(new ReceiverFaultSwitch.Change(null, 1.5, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.change(new ReceiverFaultSwitch.Change(4, null, null, 2, -0.1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(faults.show()).isEqualTo(ReceiverFaultSwitch.State.NONE);
    }
}
