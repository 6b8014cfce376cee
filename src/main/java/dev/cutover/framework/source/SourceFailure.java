package dev.cutover.framework.source;

/**
 * A source could not be read and retrying will not help (a non-transient answer, or retries
 * exhausted). The message names the source, the cursor ({@code first page} when none) and what was
 * wrong; the execution fails and can be restarted by id from its last checkpoint.
 */
public class SourceFailure extends RuntimeException {

    /** Longest part of a cursor a message shows: cursors are opaque and may be of any length. */
    static final int SHOWN_CURSOR_CHARS = 40;

    /** How the framework names the drift check's request in place of a cursor ({@code changes since 42}). */
    private static final java.util.regex.Pattern CHANGES = java.util.regex.Pattern.compile("changes since [0-9]+");

    public SourceFailure(String source, String cursor, String what, Throwable cause) {
        super("source " + source + ", " + describeCursor(cursor) + ": " + what, cause);
    }

    /**
     * A source's watermark only grows (DESIGN.md §4). A changes answer whose watermark is below the
     * baseline it was asked from comes from an older state of the source (a lagging replica, a
     * restored backup): what changed since the baseline cannot be known from it.
     *
     * @throws SourceFailure when {@code watermark < baseline}
     */
    public static void checkNotBehind(String source, String where, long watermark, long baseline) {
        if (watermark < baseline) {
            throw new SourceFailure(source, where, "the answer's watermark " + watermark + " is below the baseline "
                    + baseline + " it was asked from: the source answered from an older state (a lagging replica, a "
                    + "restored backup), so what changed since the retrieval cannot be known", null);
        }
    }

    /**
     * @return {@code first page} for {@code null}, {@code changes since 42} for the drift check's request, else {@code cursor 'c'}; a cursor longer than
     *         {@value #SHOWN_CURSOR_CHARS} characters as {@code cursor 'its first 40...' (N characters)};
     *         U+0000 shown as <code>&#92;u0000</code> so that the message can be stored
     */
    public static String describeCursor(String cursor) {
        if (cursor != null && CHANGES.matcher(cursor).matches()) {
            // the drift check's request: what was asked, not a cursor of the listing
            return cursor;
        }
        return cursor == null ? "first page" : "cursor " + Excerpt.of(cursor, SHOWN_CURSOR_CHARS);
    }
}
