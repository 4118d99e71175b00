package org.besteffort.pay.payment;

/** A receiver's pay named another receiver to notify: a receiver may have only itself notified of its pays. */
class NotYourReceiver extends RuntimeException {

    NotYourReceiver(String caller, String named) {
        super("receiver " + caller + " may have only itself notified, not " + named);
    }
}
