/**
 * A real RocketMQ NameServer and Broker in one JVM: the message channel of the pattern, run on this machine without Docker.
 */
package org.besteffort.local.broker;
