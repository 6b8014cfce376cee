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
        // them is copied at once (a character at a time was 7% of an apply's CPU: leaves are long JSON)
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            String escaped = switch (text.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                buffer.append(text, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        buffer.append(text, plain, text.length());
        return this;
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
