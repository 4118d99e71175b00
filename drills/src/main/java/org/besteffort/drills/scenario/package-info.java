/**
 * Narrated scenarios for trainers: each one runs a course scenario or a "break it" exercise against the running
 * local stack and tells, step by step and only from what it measured, which path settled the pay, after how many
 * deliveries or queries, and how long it took. Start with {@link org.besteffort.drills.scenario.Scenarios}.
 */
package org.besteffort.drills.scenario;
