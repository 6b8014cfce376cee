package dev.cutover.ops.cli;

import java.io.PrintWriter;

/**
 * The one line at the bottom of a terminal that progress rewrites in place with a carriage return. A
 * log line printed meanwhile would be glued to it, so {@link LiveLineLogFilter} calls {@link #clear}
 * first; the next redraw puts the line back under the log line. Plain {@code \r} and spaces, no escape
 * sequences, so that any terminal shows it.
 */
final class LiveLine {

    private static LiveLine shown;

    private final PrintWriter out;
    private final int width;
    private int length;

    private LiveLine(PrintWriter out, int width) {
        this.out = out;
        this.width = width;
    }

    /** @return the live line drawn on {@code out}, now the one a log line clears */
    static synchronized LiveLine open(PrintWriter out, int width) {
        shown = new LiveLine(out, width);
        return shown;
    }

    /** Clears the live line, if any is shown, before something else prints. */
    static synchronized void clearShown() {
        if (shown != null) {
            shown.clear();
        }
    }

    /** Rewrites the line in place, cut to the terminal's width (a wrapped line cannot be rewritten). */
    void draw(String text) {
        synchronized (LiveLine.class) {
            String cut = text.length() > width - 1 ? text.substring(0, width - 2) + "…" : text;
            out.print('\r' + cut + " ".repeat(Math.max(0, length - cut.length())));
            out.flush();
            length = cut.length();
        }
    }

    /** Writes the line as final (it stays on the screen) and starts a new, empty one below it. */
    void keep(String text) {
        synchronized (LiveLine.class) {
            draw(text);
            out.print('\n');
            out.flush();
            length = 0;
        }
    }

    private void clear() {
        if (length > 0) {
            out.print('\r' + " ".repeat(length) + '\r');
            out.flush();
            length = 0;
        }
    }

    /** Ends the live line: nothing clears or draws it any more. */
    void close() {
        synchronized (LiveLine.class) {
            if (shown == this) {
                shown = null;
            }
        }
    }
}
