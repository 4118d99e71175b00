/**
 * The HTTP edge every service with a database shares: {@link org.besteffort.edge.DatabaseUnavailableProblems} answers
 * a request that cannot reach the database with 503 and {@code Retry-After}, so that a client retries (with the same
 * txNo: every write is idempotent) instead of waiting on a connection that will not come.
 */
package org.besteffort.edge;
