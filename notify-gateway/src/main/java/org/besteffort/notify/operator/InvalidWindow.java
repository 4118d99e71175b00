package org.besteffort.notify.operator;

/**
 * A time window whose end is not after its start.
 */
class InvalidWindow extends RuntimeException {

    InvalidWindow(String detail) {
        super(detail);
    }
}
