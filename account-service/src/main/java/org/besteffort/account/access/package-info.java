/**
 * Who may call account-service: the paths of each role (the keys and the rules common to every service are in
 * {@code service-edge}'s {@code org.besteffort.edge.access}).
 */
package org.besteffort.account.access;
