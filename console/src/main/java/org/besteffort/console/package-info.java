/**
 * The console (消息管理系统 / 业务管理系统 of the course material): a live page over the three services. It stores
 * nothing of its own; {@code timeline} reads the journals, {@code panels} the services' state, {@code operate} forwards
 * the operator's and the trainee's actions, {@code scenario} runs the narrated scenarios, {@code live} serves the
 * page and pushes every change to it.
 */
package org.besteffort.console;
