package org.besteffort.account.receiver;

import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "Notifications parked instead of applied",
            description = "Unknown account, unreadable or forged body, another receiver's pay, an amount other than the "
                    + "recharge's: acknowledged and kept here for an operator. At most `limit`.")
    @GetMapping("/parked-notifications")
    List<ParkedNotification> list(@RequestParam(defaultValue = "100") int limit) {
        return parked.newest(Math.max(1, Math.min(limit, 1000)));
    }
}
