package org.besteffort.account.ops;

import org.besteffort.account.receiver.DeliveryFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails the next N deliveries on purpose; set by {@code faults.fail-next-deliveries} or {@code POST /ops/faults}.
 * Exists only under the local profile.
 */
@Profile("local")
@RestController
@RequestMapping("/ops/faults")
class ReceiverFaultSwitch implements DeliveryFaults {

    private static final Logger log = LoggerFactory.getLogger(ReceiverFaultSwitch.class);

    private final AtomicInteger failNextDeliveries;

    ReceiverFaultSwitch(@Value("${faults.fail-next-deliveries:0}") int failNextDeliveries) {
        this.failNextDeliveries = new AtomicInteger(failNextDeliveries);
    }

    @Override
    public void beforeApply(String txNo, int reconsumeTimes) {
        if (failNextDeliveries.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            log.warn("delivery {} of pay {} failed by a fault switch: the broker will redeliver it",
                    reconsumeTimes + 1, txNo);
            throw new InjectedDeliveryFailure(txNo);
        }
    }

    @GetMapping
    ReceiverFaults show() {
        return new ReceiverFaults(failNextDeliveries.get());
    }

    @PostMapping
    ReceiverFaults change(@RequestBody ReceiverFaults faults) {
        failNextDeliveries.set(Math.max(0, faults.failNextDeliveries()));
        log.warn("fault switch changed: fail the next {} deliveries", failNextDeliveries.get());
        return show();
    }

    /** The switches as shown and set over HTTP. */
    record ReceiverFaults(int failNextDeliveries) {
    }

    /** The failure a fault switch injects. */
    static class InjectedDeliveryFailure extends RuntimeException {

        InjectedDeliveryFailure(String txNo) {
            super("delivery of " + txNo + " failed on purpose");
        }
    }
}
