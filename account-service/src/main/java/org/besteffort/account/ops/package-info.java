/**
 * Fault switches for teaching, present only under the {@code local} profile: make deliveries fail on purpose and
 * watch the broker redeliver them.
 */
package org.besteffort.account.ops;
