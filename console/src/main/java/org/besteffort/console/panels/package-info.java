/**
 * The state beside the timelines, read from the service that stores it: balances, the gateway's tasks and endpoints,
 * dead letters and parked notifications, the fault switches.
 */
package org.besteffort.console.panels;
