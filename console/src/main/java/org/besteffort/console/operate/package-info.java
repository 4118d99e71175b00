/**
 * What the page does to the services: the operator's actions on the notify gateway, the fault switches and a pay,
 * each forwarded unchanged to the service that owns it, which alone decides whether it is allowed.
 */
package org.besteffort.console.operate;
