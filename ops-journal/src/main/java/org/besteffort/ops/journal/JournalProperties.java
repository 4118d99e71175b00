package org.besteffort.ops.journal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the journal remembers.
 *
 * @param capacity the most recent entries kept; an older one is overwritten (about 300 bytes each)
 */
@ConfigurationProperties("ops.journal")
record JournalProperties(@DefaultValue("10000") int capacity) {
}
