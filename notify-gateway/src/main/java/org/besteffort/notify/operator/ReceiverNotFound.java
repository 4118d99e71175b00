package org.besteffort.notify.operator;

/**
 * No receiver is registered under this id.
 */
class ReceiverNotFound extends RuntimeException {

    ReceiverNotFound(String id) {
        super("No registered receiver " + id);
    }
}
