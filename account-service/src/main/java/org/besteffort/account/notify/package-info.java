/**
 * Scheme 2: the notify_url endpoint: verify, then the same applier. The notify gateway posts each pay result signed
 * the Standard Webhooks way; this receiver believes it only if the signature and timestamp check out, the
 * notification is addressed to it and the pay matches what it expects, and answers {@code success} once applied.
 */
package org.besteffort.account.notify;
