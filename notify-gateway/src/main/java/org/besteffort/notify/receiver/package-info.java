/**
 * The registered receivers (merchants): who may be notified, at which URLs, with which signing secrets, on which
 * schedule, and what counts as their acknowledgement.
 */
package org.besteffort.notify.receiver;
