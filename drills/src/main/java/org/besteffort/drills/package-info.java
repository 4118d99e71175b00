/**
 * Drills and benchmarks against a real stack: a throwaway one of their own ({@link org.besteffort.drills.DrillStack})
 * or the running local stack.
 */
package org.besteffort.drills;
