/**
 * The notifier side of best-effort notification: once a pay has committed, its result is sent to
 * {@code topic_notifymsg}. A send that fails is logged and left to the receiver's reconciliation.
 */
package org.besteffort.pay.notifier;
