/**
 * Reconciliation (校对): the receiver does not trust delivery. A scheduled job asks pay-service
 * {@code /payresult/{txNo}} about every recharge still pending after a grace period, and hands a result to the
 * same applier the listener uses, so push and pull can never both credit.
 */
package org.besteffort.account.reconciliation;
