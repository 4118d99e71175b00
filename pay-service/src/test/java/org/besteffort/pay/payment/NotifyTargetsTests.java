package org.besteffort.pay.payment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which notify targets a pay may name: registration first, then the address rule. IP literals only, so that no
 * test depends on a DNS lookup.
 */
class NotifyTargetsTests {

    private static final String PUBLIC_URL = "https://203.0.113.10/notify";
    private static final String LOOPBACK_URL = "http://127.0.0.1:9/notify";
    private static final String OTHER_RECEIVERS_URL = "https://198.51.100.20/notify";

    private static final Map<String, PayProperties.Receiver> RECEIVERS = Map.of(
            "shop-1", new PayProperties.Receiver(List.of(PUBLIC_URL, LOOPBACK_URL), List.of()),
            "shop-2", new PayProperties.Receiver(List.of(OTHER_RECEIVERS_URL), List.of()));

    private final NotifyTargets targets = targets(false);

    @Test
    void passesAPayThatNamesNoTarget() {
        assertThatCode(() -> targets.check(pay(null, null))).doesNotThrowAnyException();
    }

    @Test
    void passesAUrlTheReceiverRegisteredOnAPublicAddress() {
        assertThatCode(() -> targets.check(pay("shop-1", PUBLIC_URL))).doesNotThrowAnyException();
    }

    @Test
    void refusesAReceiverNobodyRegistered() {
        assertThatThrownBy(() -> targets.check(pay("shop-9", PUBLIC_URL)))
                .isInstanceOfSatisfying(ReceiverNotRegistered.class,
                        e -> assertThat(e.reason()).isEqualTo("is not a registered receiver"));
    }

    @Test
    void refusesAUrlRegisteredByAnotherReceiver() {
        assertThatThrownBy(() -> targets.check(pay("shop-1", OTHER_RECEIVERS_URL)))
                .isInstanceOfSatisfying(NotifyUrlNotAllowed.class,
                        e -> assertThat(e.reason()).isEqualTo("is not a notify URL receiver shop-1 registered"));
    }

    @Test
    void comparesRegisteredUrlsExactly() {
        assertThatThrownBy(() -> targets.check(pay("shop-1", PUBLIC_URL + "/")))
                .isInstanceOf(NotifyUrlNotAllowed.class);
        assertThatThrownBy(() -> targets.check(pay("shop-1", PUBLIC_URL + "?to=http://10.0.0.1/")))
                .isInstanceOf(NotifyUrlNotAllowed.class);
        assertThatThrownBy(() -> targets.check(pay("SHOP-1", PUBLIC_URL)))
                .isInstanceOf(ReceiverNotRegistered.class);
    }

    @Test
    void refusesAnUnregisteredUrlForItsRegistrationBeforeLookingAtItsAddress() {
        assertThatThrownBy(() -> targets.check(pay("shop-1", "http://10.1.2.3/notify")))
                .isInstanceOfSatisfying(NotifyUrlNotAllowed.class,
                        e -> assertThat(e.reason()).isEqualTo("is not a notify URL receiver shop-1 registered"));
    }

    @Test
    void refusesARegisteredUrlOnALoopbackAddressUnlessPrivateAddressesAreAllowed() {
        assertThatThrownBy(() -> targets.check(pay("shop-1", LOOPBACK_URL)))
                .isInstanceOfSatisfying(NotifyUrlNotAllowed.class, e -> assertThat(e.reason())
                        .isEqualTo("notify URL resolves to a private or loopback address (127.0.0.1)"));
        assertThatCode(() -> targets(true).check(pay("shop-1", LOOPBACK_URL))).doesNotThrowAnyException();
    }

    @Test
    void refusesHalfATargetEvenIfValidationWasSkipped() {
        assertThatThrownBy(() -> targets.check(pay(null, PUBLIC_URL))).isInstanceOf(ReceiverNotRegistered.class);
        assertThatThrownBy(() -> targets.check(pay("shop-1", null))).isInstanceOf(NotifyUrlNotAllowed.class);
    }

    private static NotifyTargets targets(boolean allowPrivate) {
        return new NotifyTargets(new PayProperties(new BigDecimal("1000000.00"), new BigDecimal("10000.00"),
                RECEIVERS, allowPrivate, "bank1"));
    }

    private static PayRequest pay(String receiverId, String notifyUrl) {
        return new PayRequest("1", new BigDecimal("1.00"), "tx-1", receiverId, notifyUrl);
    }
}
