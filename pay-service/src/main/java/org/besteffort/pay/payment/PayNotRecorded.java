package org.besteffort.pay.payment;

/**
 * The pay could not be recorded because what must be written with it could not be (with
 * {@code notifier.send-mode: transactional}, the half message): nothing was written, the same request may be sent again.
 */
public class PayNotRecorded extends RuntimeException {

    public PayNotRecorded(String txNo, String why, Throwable cause) {
        super("pay " + txNo + " was not recorded: " + why + "; nothing was written, send the same request again later",
                cause);
    }
}
