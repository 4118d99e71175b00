package org.besteffort.pay.statement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What a statement shows.
 *
 * @param settleLag a pay updated less than this long ago is left for a later page: its transaction may still be
 *                  committing, and a page must never skip a pay that commits behind the cursor
 * @param maxPageSize the largest page a client may ask for
 */
@ConfigurationProperties("statement")
record StatementProperties(@DefaultValue("5s") Duration settleLag, @DefaultValue("500") int maxPageSize) {
}
