/**
 * Who may call what, at every service's edge (Spring Security, stateless, no session and no cookie).
 *
 * <ul>
 *     <li>A caller presents {@code Authorization: Bearer <key>}. The key names a <em>receiver</em> (a merchant whose
 *     pays those are: {@code edge.access.receivers.<id>}) or an <em>operator</em> ({@code edge.access.operators.<name>}).
 *     {@link org.besteffort.edge.access.BearerKeys} recognises it.</li>
 *     <li>Each service says which of its paths take which role ({@link org.besteffort.edge.access.AccessRules}); what
 *     is common is here ({@link org.besteffort.edge.access.EdgeAccessConfiguration}): health, the API documents and
 *     error pages are public, the rest of Actuator and {@code /ops/**} are the operators', and a path no rule names is
 *     refused to everyone.</li>
 *     <li>The local profile opens the course's walkthrough ({@code edge.access.open-walkthrough}): a request from this
 *     machine without a key is let in with every role and sees every receiver's pays, so that the README's curl lines
 *     need no key. A request that presents a key is that caller, locally too.</li>
 *     <li>Outside the local profile a service refuses to start on a laptop secret
 *     ({@link org.besteffort.edge.access.LaptopDefaults}).</li>
 * </ul>
 */
package org.besteffort.edge.access;
