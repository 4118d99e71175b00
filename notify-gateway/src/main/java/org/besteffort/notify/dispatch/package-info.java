/**
 * Delivery: the dispatcher claims due tasks endpoint by endpoint ({@code SKIP LOCKED} + a lease), POSTs each one
 * signed to its notify URL with bounded requests in flight, and records the attempt and the next one on the receiver's
 * decaying schedule.
 */
package org.besteffort.notify.dispatch;
