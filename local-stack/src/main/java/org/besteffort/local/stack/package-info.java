/**
 * The one-command local run of the pattern: broker, database, notifier and receiver on this machine, without Docker.
 */
package org.besteffort.local.stack;
