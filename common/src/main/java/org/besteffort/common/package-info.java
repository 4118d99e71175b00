/**
 * The wire contract of best-effort notification: what the notifier (pay-service) announces and the receiver
 * (account-service) consumes. Nothing else lives here.
 */
package org.besteffort.common;
