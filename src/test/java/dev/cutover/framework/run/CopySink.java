package dev.cutover.framework.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/**
 * A COPY without a database, for {@link CopyRows}: it counts the bytes it is sent and, when made
 * {@link #keeping()}, keeps them. Active until ended or cancelled.
 */
public final class CopySink implements CopyIn {

    private final ByteArrayOutputStream kept;
    private long bytes;
    private boolean active = true;

    private CopySink(boolean keep) {
        this.kept = keep ? new ByteArrayOutputStream() : null;
    }

    /** @return a sink that keeps what it is sent ({@link #text()}) */
    public static CopySink keeping() {
        return new CopySink(true);
    }

    /** @return a sink that only counts what it is sent ({@link #bytes()}) */
    public static CopySink counting() {
        return new CopySink(false);
    }

    /** @return what was sent, as UTF-8 text; only for a sink made {@link #keeping()} */
    public String text() {
        if (kept == null) {
            throw new IllegalStateException("this sink only counts");
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public void writeToCopy(byte[] buf, int off, int siz) {
        bytes += siz;
        if (kept != null) {
            kept.write(buf, off, siz);
        }
    }

    @Override
    public void writeToCopy(ByteStreamWriter from) {
        throw new UnsupportedOperationException("CopyRows sends byte arrays");
    }

    @Override
    public void flushCopy() {
    }

    @Override
    public long endCopy() {
        active = false;
        return 0;
    }

    @Override
    public int getFieldCount() {
        return 0;
    }

    @Override
    public int getFormat() {
        return 0;
    }

    @Override
    public int getFieldFormat(int field) {
        return 0;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void cancelCopy() {
        active = false;
    }

    @Override
    public long getHandledRowCount() {
        return 0;
    }
}
