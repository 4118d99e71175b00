package org.besteffort.notify.task;

/**
 * Whether the gateway delivers to an endpoint.
 */
public enum EndpointStatus {
    ENABLED,
    /** By an operator, by a 410 answer, or after failing too long: its tasks wait instead of burning attempts. */
    DISABLED
}
