package dev.cutover.framework.plan;

import java.util.List;

/**
 * One page of a longer list a reviewer pages through: its rows, how many rows match in all, and where
 * it is. Pages are numbered from 1; {@link #pages()} is at least 1, so an empty list has one empty page.
 */
public record ResultPage<T>(List<T> rows, long total, int page, int size) {

    public ResultPage {
        rows = List.copyOf(rows);
    }

    /** @return how many pages the matching rows fill (at least 1) */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** @return the 1-based position of the first row of this page in the whole list (0 when empty) */
    public long first() {
        return rows.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    /** @return the position of the last row of this page */
    public long last() {
        return rows.isEmpty() ? 0 : first() + rows.size() - 1;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** @return the offset of {@code page} of {@code size} rows, for SQL {@code offset} */
    static long offset(int page, int size) {
        return (long) (page - 1) * size;
    }
}
