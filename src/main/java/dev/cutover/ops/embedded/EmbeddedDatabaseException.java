package dev.cutover.ops.embedded;

/**
 * The embedded PostgreSQL cannot be used here; the message is one line that says what to do instead
 * (it is printed as is and the command exits 2, a configuration error in DESIGN.md §8).
 */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
