/**
 * The narrated scenarios of the drills, run from the page one at a time, their narration told next to the timeline.
 */
package org.besteffort.console.scenario;
