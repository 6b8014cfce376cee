package dev.cutover.framework.source;

/**
 * A source could not be read and retrying will not help (a non-transient answer, or retries
 * exhausted). The message names the source, the cursor ({@code first page} when none) and what was
 * wrong; the execution fails and can be restarted by id from its last checkpoint.
 */
public class SourceFailure extends RuntimeException {

    public SourceFailure(String source, String cursor, String what, Throwable cause) {
        super("source " + source + ", " + describeCursor(cursor) + ": " + what, cause);
    }

    public static String describeCursor(String cursor) {
        return cursor == null ? "first page" : "cursor '" + cursor + "'";
    }
}
