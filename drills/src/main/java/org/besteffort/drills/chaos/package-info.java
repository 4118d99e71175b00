/**
 * The chaos drill: thousands of pays under lost, failed and duplicated notifications and a killed receiver, then a
 * check of the pattern's promise against both databases: every successful pay credited exactly once, nothing else.
 */
package org.besteffort.drills.chaos;
