/**
 * The chaos drill: thousands of pays under lost, failed and duplicated notifications, notifies refused, a killed
 * receiver and a killed notify gateway, then a check of the pattern's promise against the databases: every successful
 * pay credited exactly once, nothing else, and every notification the gateway kept acknowledged.
 */
package org.besteffort.drills.chaos;
