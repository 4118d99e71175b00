/**
 * The gateway's journal: what it did to each pay (task kept, each HTTP attempt, given up, re-notified) and to each
 * endpoint, kept in memory once each step's transaction committed and served at {@code GET /ops/journal} in every
 * profile, for the console's timelines. {@link org.besteffort.notify.journal.CommittedJournal} is how {@code task},
 * {@code dispatch} and {@code operator} append from inside their transactions.
 */
package org.besteffort.notify.journal;
