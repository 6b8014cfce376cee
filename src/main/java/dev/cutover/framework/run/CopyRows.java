package dev.cutover.framework.run;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for a {@code COPY ... FROM STDIN} in PostgreSQL's text format, buffered and sent 64 KiB at a
 * time. Not thread-safe. The COPY runs in its connection's transaction: a rolled-back transaction
 * leaves none of its rows.
 */
public final class CopyRows {

    private static final int BUFFER = 1 << 16;

    private final CopyIn copy;
    private final String what;
    private final StringBuilder buffer = new StringBuilder(BUFFER + 4096);
    private byte[] low = new byte[1024];
    private boolean first = true;
    private long rows;

    /** @param what names the rows in failures ("the planned model of run 7") */
    public CopyRows(CopyIn copy, String what) {
        this.copy = copy;
        this.what = what;
    }

    /**
     * Starts {@code sql} ({@code copy ... from stdin}) on the connection, in its transaction.
     *
     * @param what names the rows in failures ("the planned model of run 7")
     */
    public static CopyRows in(Connection connection, String sql, String what) throws SQLException {
        return new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), what);
    }

    public CopyRows field(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    /** A text field, {@code null} as SQL NULL. */
    public CopyRows field(String text) {
        separate();
        if (text == null) {
            buffer.append("\\N");
            return this;
        }
        // the text format escapes backslash, tab, newline and carriage return; the text between two of
        // them is copied at once. The search runs over the low bytes of the text's characters, copied at
        // once into a scratch array: under C1 (the application's compiler) a loop of String.charAt cost
        // twice as much (an eighth of the normalize step's CPU at 1M records; leaves are long JSON). A
        // low byte that matches is checked against its character, which may be wider (U+015C ends in 0x5C)
        int length = text.length();
        if (low.length < length) {
            low = new byte[Math.max(length, low.length * 2)];
        }
        lowBytes(text, length, low);
        int plain = 0;
        for (int i = 0; i < length; i++) {
            // a byte is a character's low byte: (char) of a negative one is above U+FF00, never escaped
            if (low[i] <= '\\' && escape((char) low[i]) != 0) {
                char escape = escape(text.charAt(i));
                if (escape != 0) {
                    buffer.append(text, plain, i).append('\\').append(escape);
                    plain = i + 1;
                }
            }
        }
        buffer.append(text, plain, length);
        return this;
    }

    /** @return the letter that follows the backslash for a character the text format escapes, else 0 */
    private static char escape(char c) {
        return switch (c) {
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
        };
    }

    // the one JDK method that copies characters' low bytes without encoding and without allocating
    @SuppressWarnings("deprecation")
    private static void lowBytes(String text, int length, byte[] into) {
        text.getBytes(0, length, into, 0);
    }

    public void endRow() {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() >= BUFFER) {
            flush();
        }
    }

    /** Sends what is buffered and ends the COPY. */
    public void end() {
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /** Abandons the COPY if it is still going (its transaction is rolled back by the caller). */
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the failure that got us here is the one to report
        }
    }

    public long rows() {
        return rows;
    }

    private void separate() {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
    }

    private void flush() {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }
}
