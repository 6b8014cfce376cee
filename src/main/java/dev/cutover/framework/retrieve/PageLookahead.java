package dev.cutover.framework.retrieve;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourcePage;
import dev.cutover.framework.source.SourceWaitStopped;

/**
 * Fetches the pages of one source partition in listing order on a thread of its own, at most
 * {@code depth} pages ahead of the chunk that stores them, so that the next page is on the wire
 * while the previous one is being written and committed: a partition then takes about the time of
 * its requests, not of its requests plus its writes. Each request still goes through the execution's
 * concurrency gate, so the bound on requests in flight is unchanged.
 * <p>
 * A page fetched ahead is not checkpointed until the chunk that stores it commits: a crash or a stop
 * loses only fetched pages that were not stored, and the restart fetches them again from the
 * checkpointed cursor. A failure (or a next cursor already requested in this listing) is handed out
 * in its place in the sequence, after every page fetched before it, so pages before it are stored
 * first, as without the lookahead. {@link #close} abandons the pending request.
 */
final class PageLookahead implements AutoCloseable {

    /** A page and the cursor it was requested with ({@code null} for the first page). */
    record Ahead(String cursor, SourcePage page) {
    }

    private record Next(Ahead page, RuntimeException failure, boolean end) {
    }

    private final String source;
    private final BlockingQueue<Next> queue;
    private final Thread fetcher;
    private volatile boolean closed;

    /**
     * @param first     cursor of the first page to fetch ({@code null}: the listing's first page)
     * @param requested cursors already requested in this listing (stored pages); owned by the lookahead
     *                  from now on
     * @param fetch     fetches the page of a cursor (throws {@link SourceFailure}, {@link SourceWaitStopped})
     */
    PageLookahead(String source, String first, Set<String> requested, Function<String, SourcePage> fetch, int depth) {
        this.source = source;
        this.queue = new ArrayBlockingQueue<>(depth);
        this.fetcher = new Thread(() -> fetchAll(source, first, requested, fetch), "cutover-lookahead-" + source);
        fetcher.setDaemon(true);
        fetcher.start();
    }

    private void fetchAll(String source, String first, Set<String> requested, Function<String, SourcePage> fetch) {
        String cursor = first;
        try {
            while (!closed) {
                SourcePage page;
                try {
                    page = fetch.apply(cursor);
                } catch (RuntimeException failure) {
                    queue.put(new Next(null, failure, false));
                    return;
                }
                String next = page.nextCursor();
                if (next != null && (next.equals(cursor) || requested.contains(next))) {
                    queue.put(new Next(null, new SourceFailure(source, cursor, "the next page's "
                            + SourceFailure.describeCursor(next) + " was already requested in this listing", null), false));
                    return;
                }
                if (cursor != null) {
                    requested.add(cursor);
                }
                queue.put(new Next(new Ahead(cursor, page), null, false));
                if (next == null) {
                    return;
                }
                cursor = next;
            }
        } catch (InterruptedException closing) {
            // closed while waiting for room: nobody takes from the queue any more
        }
    }

    /**
     * @return the next page in listing order
     * @throws SourceFailure      when that page could not be had (or repeats a cursor)
     * @throws SourceWaitStopped  when a stop was requested while it was awaited
     */
    Ahead next() {
        try {
            Next next = queue.take();
            if (next.failure() != null) {
                throw next.failure();
            }
            return next.page();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceWaitStopped(source, null);
        }
    }

    @Override
    public void close() {
        closed = true;
        // interrupts a pending request (SourceClient then cancels it) or a wait for room in the queue
        fetcher.interrupt();
    }
}
