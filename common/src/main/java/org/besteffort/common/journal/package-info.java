/**
 * The journal every service keeps of what it did to each pay, after the transaction that did it committed: a bounded
 * ring in memory, served at {@code GET /ops/journal} so that a console can draw one pay's way through the three
 * services, including what no table keeps (a delivery that found the pay applied, a message dropped by a fault switch,
 * a reconciliation query). {@link org.besteffort.common.journal.JournalStep} names every step and its outcomes.
 */
package org.besteffort.common.journal;
