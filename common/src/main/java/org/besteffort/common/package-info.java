/**
 * The wire contract of best-effort notification: what the notifier (pay-service) announces on the topic, what the
 * notify gateway posts to a receiver's notify URL (scheme 2), which notify URLs may be called, and, in
 * {@code journal}, how each service tells a reader what it did to each pay. Nothing else lives here.
 */
package org.besteffort.common;
