/**
 * The notify gateway (scheme 2): {@code task} takes pay results off the topic and keeps them, {@code dispatch}
 * delivers them over HTTP on each receiver's schedule, {@code receiver} knows who may be notified where and how,
 * {@code operator} lets a person look, re-notify and recover.
 */
package org.besteffort.notify;
