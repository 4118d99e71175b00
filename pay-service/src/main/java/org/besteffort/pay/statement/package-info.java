/**
 * Statements (对账单): the notifier's settled pays, paged by a stable key, so that the receiver can find pays it
 * never heard of at all (paid directly at {@code /paydo}, notification lost). The continuous form of the daily
 * statement file of the course.
 */
package org.besteffort.pay.statement;
