/**
 * Best effort against reliable messages, measured: the notifier's three send modes side by side, each halted at its
 * crash points and loaded cleanly, on one throwaway stack. docs/consistency.md holds the figures.
 */
package org.besteffort.drills.consistency;
