/**
 * The wire contract of best-effort notification: what the notifier (pay-service) announces on the topic, what the
 * notify gateway posts to a receiver's notify URL (scheme 2), and which notify URLs may be called. Nothing else lives
 * here.
 */
package org.besteffort.common;
