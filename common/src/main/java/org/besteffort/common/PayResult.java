package org.besteffort.common;

/**
 * How a pay ended at the notifier: the only two results it ever announces.
 */
public enum PayResult {
    SUCCESS,
    FAIL
}
