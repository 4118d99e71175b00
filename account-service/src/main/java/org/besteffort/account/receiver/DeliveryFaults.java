package org.besteffort.account.receiver;

/**
 * A seam for teaching faults: lets a delivery fail on purpose before it is applied. Only the local profile has one.
 */
public interface DeliveryFaults {

    /** Throws to make this delivery fail, so that the broker redelivers it. */
    void beforeApply(String txNo, int reconsumeTimes);
}
