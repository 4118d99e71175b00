package org.besteffort.drills.scenario;

import java.net.URI;

/**
 * A service of the local stack could not be reached: the stack is not running, or not where the options point.
 */
class StackUnreachable extends RuntimeException {

    StackUnreachable(URI service, Exception cause) {
        super(service + " does not answer (" + (cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName()) + ")", cause);
    }
}
