/**
 * The notifier's journal: what it did to each pay (recorded, announced, dropped, queried), kept in memory after each
 * step committed and served at {@code GET /ops/journal} in every profile, for the console's timelines. The steps are
 * appended where they happen: {@code notifier} and {@code payment}.
 */
package org.besteffort.pay.journal;
