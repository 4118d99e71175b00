package org.besteffort.edge.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whose pays the current caller may see. */
public final class ReceiverScope {

    private ReceiverScope() {
    }

    /** The receiver id whose pays alone the caller sees; null for the local walkthrough, which sees every one. */
    public static String current() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            throw new IllegalStateException("no caller: the access rules let an anonymous request through");
        }
        boolean walkthrough = caller.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Roles.WALKTHROUGH).equals(authority.getAuthority()));
        return walkthrough ? null : caller.getName();
    }
}
