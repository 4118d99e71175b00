package org.besteffort.drills.scenario;

import java.math.BigDecimal;

/**
 * The body of {@code POST /paydo}; a txNo of our own makes the request repeatable. Scheme 2: a pay may name a
 * registered receiver and one of its notify URLs, for the notify gateway to call (both or neither; null: left out).
 */
record PayRequest(String accountNo, BigDecimal payAmount, String txNo, String receiverId, String notifyUrl) {

    PayRequest(String accountNo, BigDecimal payAmount, String txNo) {
        this(accountNo, payAmount, txNo, null, null);
    }

    /** The same pay, to be notified to this receiver at this URL. */
    PayRequest notifying(String receiver, String url) {
        return new PayRequest(accountNo, payAmount, txNo, receiver, url);
    }
}
