/**
 * The benchmarks: what the whole path (HTTP, pay commit, RocketMQ, consumer, idempotent apply) achieves on this
 * machine, next to the database's own limit for the same commits; and what the notify gateway (scheme 2) achieves
 * draining a backlog and at a fixed rate of pays, with a receiver that costs nothing.
 */
package org.besteffort.drills.benchmark;
