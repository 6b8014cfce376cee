package dev.cutover.ops.cli;

/** Exit codes of the command line (DESIGN.md §8): a contract that scripts and Kubernetes rely on. */
public final class ExitCode {

    /** Done, including "nothing to do"; for {@code plan}: apply would go ahead. */
    public static final int OK = 0;
    /** The execution failed and can be restarted by id. */
    public static final int FAILED = 1;
    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** Refused by a safety check (for {@code plan}: apply would be refused). */
    public static final int REFUSED = 3;
    /** Another execution of this migration holds the lease. */
    public static final int LEASE_HELD = 4;

    private ExitCode() {
    }
}
