package dev.cutover.ops.http;

import java.util.Set;

/** The roles of the HTTP API's users. */
public final class Roles {

    /** Reads executions, reports and exports. */
    public static final String VIEWER = "viewer";
    /** Also starts, restarts and stops executions and rolls back. */
    public static final String OPERATOR = "operator";

    public static final Set<String> ALL = Set.of(VIEWER, OPERATOR);

    private Roles() {
    }
}
