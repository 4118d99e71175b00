/**
 * The merchant's side of Alipay's "computer website pay", in a browser: the checkout form records a pending recharge
 * and sends the payer to pay-service's cashier; the cashier sends the payer back to the order page, whose result in
 * the address is only shown, never believed. The order turns to {@code success} when the signed notification (or the
 * merchant's own query) settles the recharge, and the open page learns it by server-sent events.
 */
package org.besteffort.account.checkout;
