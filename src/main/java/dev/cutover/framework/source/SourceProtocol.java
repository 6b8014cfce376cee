package dev.cutover.framework.source;

import java.util.function.Consumer;

/**
 * How a migration's legacy sources are read (DESIGN.md §4, §11): the requests of a listing page and of
 * the changes since a watermark, and how their answers are read. The framework does the transport (the
 * bounded concurrency, retries with backoff and {@code Retry-After}, deadlines, strict UTF-8, stop
 * requests), the checkpoints and the storage; a protocol only builds requests and parses bodies. §4's
 * {@code /v1/rules} API is one implementation ({@link RulesApiProtocol}).
 * <p>
 * Contract: pure and thread-safe. A page is identified by its cursor alone (the cursor of the first
 * page is {@code null}; an offset-paged protocol uses the offset as its cursor), so a retrieval
 * restarted at a checkpointed cursor asks for exactly the page it lost. A parser must treat the body as
 * hostile: anything it cannot read is a {@link SourceFailure} naming the source and the cursor, never
 * another exception, and an item it cannot read is still listed (validating items is the normalizer's
 * job).
 */
public interface SourceProtocol {

    /** @param cursor {@code null} for the first page */
    SourceRequest page(String cursor, int limit);

    /**
     * @return the page, its {@code nextCursor} {@code null} on the last page
     * @throws SourceFailure naming the source and cursor when the answer is not a page of this protocol
     */
    SourcePage readPage(String source, String cursor, SourceAnswer answer);

    /** @param since the watermark of the run's first page of this source */
    SourceRequest changes(long since);

    /**
     * Reads the changes answer, one change at a time.
     *
     * @throws SourceFailure naming the source when the answer is not a changes answer of this protocol
     */
    void readChanges(String source, long since, SourceAnswer answer, Consumer<SourceChange> changes);

    /** @return what the source's records are called in messages (drift: "rule r-7 was added"); "record" by default */
    default String recordNoun() {
        return "record";
    }
}
