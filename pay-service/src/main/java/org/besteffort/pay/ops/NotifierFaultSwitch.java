package org.besteffort.pay.ops;

import org.besteffort.pay.notifier.NotificationFaults;
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
 * Drops the next N notifications on purpose; set by {@code faults.drop-next-notifications} or
 * {@code POST /ops/faults}. Exists only under the local profile.
 */
@Profile("local")
@RestController
@RequestMapping("/ops/faults")
class NotifierFaultSwitch implements NotificationFaults {

    private static final Logger log = LoggerFactory.getLogger(NotifierFaultSwitch.class);

    private final AtomicInteger dropNextNotifications;

    NotifierFaultSwitch(@Value("${faults.drop-next-notifications:0}") int dropNextNotifications) {
        this.dropNextNotifications = new AtomicInteger(dropNextNotifications);
    }

    @Override
    public boolean dropNotification(String txNo) {
        return dropNextNotifications.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    @GetMapping
    NotifierFaults show() {
        return new NotifierFaults(dropNextNotifications.get());
    }

    @PostMapping
    NotifierFaults change(@RequestBody NotifierFaults faults) {
        dropNextNotifications.set(Math.max(0, faults.dropNextNotifications()));
        log.warn("fault switch changed: drop the next {} notifications", dropNextNotifications.get());
        return show();
    }

    /** The switches as shown and set over HTTP. */
    record NotifierFaults(int dropNextNotifications) {
    }
}
