/**
 * The benchmark: what the whole path (HTTP, pay commit, RocketMQ, consumer, idempotent apply) achieves on this
 * machine, next to the database's own limit for the same commits.
 */
package org.besteffort.drills.benchmark;
