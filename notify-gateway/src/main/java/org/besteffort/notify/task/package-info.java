/**
 * The notifications owed: each pay result that names a receiver becomes a durable task (and its endpoint) before the
 * message is acknowledged, so that a gateway killed a moment later loses nothing.
 */
package org.besteffort.notify.task;
