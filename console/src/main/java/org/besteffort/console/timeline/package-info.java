/**
 * Every pay's timeline across both sides: the journals of pay-service, the notify gateway and account-service, read
 * forward and merged by txNo, oldest step first.
 */
package org.besteffort.console.timeline;
