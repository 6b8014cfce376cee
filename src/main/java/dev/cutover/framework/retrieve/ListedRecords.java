package dev.cutover.framework.retrieve;

/**
 * A source's records while it still lists, as far as its listed items tell: each item is at most one
 * record, and a source holds no more than its total. Copies of an id (superseded and repeated items) make
 * a listing longer than its total, so this may run ahead of the distinct ids fetched; the exact count
 * replaces it when the source's last page is stored ({@link RetrievalStore#countFetchedIds}). Progress
 * only: nothing the plan decides reads it.
 */
public final class ListedRecords {

    private ListedRecords() {
    }

    /** @return {@code listedItems}, at most {@code total}, never below 0 */
    public static long of(long listedItems, long total) {
        return Math.max(0, Math.min(listedItems, total));
    }
}
