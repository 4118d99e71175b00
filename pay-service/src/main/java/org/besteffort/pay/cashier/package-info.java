/**
 * The provider's cashier (收银台) of Alipay's "computer website pay": the merchant sends the payer's browser here with
 * its order, the payer confirms, the pay is recorded by the same {@link org.besteffort.pay.payment.PaymentService} as
 * {@code /paydo}, and the browser goes back to the merchant's return URL with an unsigned result (同步返回). The
 * merchant believes only the signed asynchronous notification, or its own query of {@code /payresult}.
 */
package org.besteffort.pay.cashier;
