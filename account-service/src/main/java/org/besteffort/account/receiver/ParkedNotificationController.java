package org.besteffort.account.receiver;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /parked-notifications}: what the receiver refused or could never apply (unknown account, bad signature,
 * another receiver's notification, an amount not the recharge's), newest first, with the reason.
 */
@RestController
class ParkedNotificationController {

    private final ParkedNotificationMapper parked;

    ParkedNotificationController(ParkedNotificationMapper parked) {
        this.parked = parked;
    }

    @GetMapping("/parked-notifications")
    List<ParkedNotification> list(@RequestParam(defaultValue = "100") int limit) {
        return parked.newest(Math.max(1, Math.min(limit, 1000)));
    }
}
