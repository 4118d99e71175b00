/**
 * The operator's side (the course's 运营人员 with the notification management system): list tasks and their
 * attempts, re-notify one, recover a receiver's failures in a window, disable and enable an endpoint. Every action is logged
 * with who, what and when; nobody but a recognised operator gets in.
 */
package org.besteffort.notify.operator;
