/**
 * The gateway's journal: what it did to each pay (task kept, each HTTP attempt, given up, re-notified) and to each
 * endpoint, appended once each step's transaction committed; the journal itself and {@code GET /ops/journal} come from
 * ops-journal. {@link org.besteffort.notify.journal.CommittedJournal} is how {@code task}, {@code dispatch} and
 * {@code operator} append from inside their transactions.
 */
package org.besteffort.notify.journal;
