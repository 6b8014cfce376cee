package dev.cutover.framework.source;

/**
 * A source could not be read and retrying will not help (a non-transient answer, or retries
 * exhausted). The message names the source, the cursor ({@code first page} when none) and what was
 * wrong; the execution fails and can be restarted by id from its last checkpoint.
 */
public class SourceFailure extends RuntimeException {

    /** Longest part of a cursor a message shows: cursors are opaque and may be of any length. */
    static final int SHOWN_CURSOR_CHARS = 40;

    public SourceFailure(String source, String cursor, String what, Throwable cause) {
        super("source " + source + ", " + describeCursor(cursor) + ": " + what, cause);
    }

    /**
     * @return {@code first page} for {@code null}, else {@code cursor 'c'}; a cursor longer than
     *         {@value #SHOWN_CURSOR_CHARS} characters as {@code cursor 'its first 40...' (N characters)};
     *         U+0000 shown as <code>&#92;u0000</code> so that the message can be stored
     */
    public static String describeCursor(String cursor) {
        return cursor == null ? "first page" : "cursor " + Excerpt.of(cursor, SHOWN_CURSOR_CHARS);
    }
}
