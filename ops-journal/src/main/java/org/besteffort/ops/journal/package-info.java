/**
 * The journal's Spring wiring, written once for the three services: a Spring Boot auto-configuration that gives each
 * service that depends on this module its one {@link org.besteffort.common.journal.Journal}, named after
 * {@code spring.application.name} and sized by {@code ops.journal.capacity}, and serves it at
 * {@code GET /ops/journal?after=<seq>&limit=<n>} in every profile. The ring itself is the wire contract's, in
 * {@code common}; each service appends its steps where they happen.
 */
package org.besteffort.ops.journal;
