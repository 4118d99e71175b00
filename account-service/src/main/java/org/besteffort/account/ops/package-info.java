/**
 * Fault switches for teaching, present only under the {@code local} profile: make message deliveries fail on purpose
 * and watch the broker redeliver them, or take the notify URL down and watch the notify gateway's gaps grow.
 */
package org.besteffort.account.ops;
