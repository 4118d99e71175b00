package org.besteffort.pay.notifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where the send modes pass a {@link CrashPoint}: a no-op unless the local profile's fault switches armed one.
 */
@Component
public class CrashPoints {

    private final ObjectProvider<NotificationFaults> faults;

    CrashPoints(ObjectProvider<NotificationFaults> faults) {
        this.faults = faults;
    }

    /** Halts the process if a crash is armed at {@code point}. */
    public void reached(CrashPoint point, String txNo) {
        NotificationFaults active = faults.getIfAvailable();
        if (active != null) {
            active.reached(point, txNo);
        }
    }
}
