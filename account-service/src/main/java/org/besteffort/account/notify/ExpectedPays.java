package org.besteffort.account.notify;

import org.besteffort.account.recharge.Recharge;
import org.besteffort.account.recharge.RechargeMapper;
import org.besteffort.account.recharge.RechargeOrigin;
import org.besteffort.common.PayResultNotification;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Checks a verified notification against what this receiver knows before it is believed (Alipay's advice to
 * merchants): addressed to this receiver, and, for a recharge started here, for its account and amount.
 */
@Component
class ExpectedPays {

    private final NotifyProperties properties;
    private final RechargeMapper recharges;

    ExpectedPays(NotifyProperties properties, RechargeMapper recharges) {
        this.properties = properties;
        this.recharges = recharges;
    }

    /** Why this notification must not be applied, or empty if nothing it says contradicts what is known here. */
    Optional<String> refusalOf(PayResultNotification notification) {
        if (!properties.receiverId().equals(notification.receiverId())) {
            return Optional.of("notification for receiver " + notification.receiverId());
        }
        return recharges.findByTxNo(notification.txNo())
                .filter(recharge -> recharge.origin() == RechargeOrigin.STARTED_HERE)
                .flatMap(recharge -> contradiction(recharge, notification));
    }

    private static Optional<String> contradiction(Recharge recharge, PayResultNotification notification) {
        if (!recharge.accountNo().equals(notification.accountNo())) {
            return Optional.of("notified account %s differs from recharge account %s"
                    .formatted(notification.accountNo(), recharge.accountNo()));
        }
        // compareTo, not equals: 50.0 and 50.00 are the same amount.
        if (recharge.amount().compareTo(notification.amount()) != 0) {
            return Optional.of("notified amount %s differs from recharge amount %s"
                    .formatted(notification.amount().toPlainString(), recharge.amount().toPlainString()));
        }
        return Optional.empty();
    }
}
