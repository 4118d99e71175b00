/**
 * The receiver's journal: what it did to each pay (recharge started, each delivery, notify and query, applied or not,
 * expired), kept in memory after each step committed and served at {@code GET /ops/journal} in every profile, for the
 * console's timelines. The steps are appended where they happen: {@code receiver} (the applier's outcomes and the
 * listener's refusals), {@code notify}, {@code reconciliation} and {@code recharge}.
 */
package org.besteffort.account.journal;
