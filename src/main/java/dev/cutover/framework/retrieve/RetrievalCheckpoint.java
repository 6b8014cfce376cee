package dev.cutover.framework.retrieve;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.Serializable;

/**
 * Where one source partition of the retrieve step stands: the cursor of the next page to fetch.
 * Committed by JBeret with the pages stored in the same chunk, so a restart resumes at the first
 * page that was not stored and fetches nothing twice.
 *
 * @param cursor    cursor of the next page; {@code null} means the first page (when {@code pageNo} is 0)
 * @param pageNo    number of pages stored so far
 * @param nextIndex listing index of the next page's first item
 * @param done      the last page ({@code next_cursor: null}) has been stored
 */
@RegisterForReflection(serialization = true)
public record RetrievalCheckpoint(String cursor, int pageNo, int nextIndex, boolean done) implements Serializable {

    public static RetrievalCheckpoint start() {
        return new RetrievalCheckpoint(null, 0, 0, false);
    }

    public RetrievalCheckpoint after(String nextCursor, int items) {
        return new RetrievalCheckpoint(nextCursor, pageNo + 1, nextIndex + items, nextCursor == null);
    }
}
