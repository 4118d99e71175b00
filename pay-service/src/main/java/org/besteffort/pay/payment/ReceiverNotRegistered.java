package org.besteffort.pay.payment;

/**
 * A pay named a receiver that nobody registered in {@code pay.receivers}.
 */
class ReceiverNotRegistered extends RuntimeException {

    ReceiverNotRegistered(String receiverId) {
        super("receiverId " + receiverId + " is not a registered receiver");
    }

    /** What is wrong with the field, as the problem's {@code errors} names it. */
    String reason() {
        return "is not a registered receiver";
    }
}
