/**
 * The recharges the receiver knows of ({@code account_recharge}): the ones it started through
 * {@code POST /recharges} or the checkout page and waits for, and the ones it only learnt of from a notification.
 * Their status tells which path settled each one.
 */
package org.besteffort.account.recharge;
