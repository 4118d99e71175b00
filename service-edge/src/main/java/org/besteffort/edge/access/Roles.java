package org.besteffort.edge.access;

/** The roles a caller may hold (Spring Security authorities {@code ROLE_<name>}). */
public final class Roles {

    /** A merchant that takes notifications: pays, asks for results and statements, of its own pays only. */
    public static final String RECEIVER = "RECEIVER";

    /** Runs the notify program: dead letters, fault switches, re-notifying, metrics, journals. */
    public static final String OPERATOR = "OPERATOR";

    /** The local profile's keyless caller: every role, and every receiver's pays. */
    public static final String WALKTHROUGH = "WALKTHROUGH";

    private Roles() {
    }
}
