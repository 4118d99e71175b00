package org.besteffort.account.checkout;

/**
 * As many order pages as {@code checkout.max-open-streams} allows are already waiting for their result.
 */
public class OrderStreamsExhausted extends RuntimeException {

    OrderStreamsExhausted(int maximum) {
        super(maximum + " order pages are already waiting for their result: reload this one later");
    }
}
