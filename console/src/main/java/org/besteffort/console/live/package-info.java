/**
 * The page and what keeps it live: one loop reads the services and pushes each change, as server-sent events, to
 * every open page.
 */
package org.besteffort.console.live;
