/**
 * Fault switches for teaching, present only under the {@code local} profile: lose notifications on purpose
 * and watch the receiver's reconciliation recover them.
 */
package org.besteffort.pay.ops;
