package org.besteffort.notify.operator;

/**
 * No endpoint has this id.
 */
class EndpointNotFound extends RuntimeException {

    EndpointNotFound(long id) {
        super("No endpoint " + id);
    }
}
