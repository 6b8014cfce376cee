package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourcePage;

/**
 * The retrieve reader's lookahead: pages in listing order, never more than its depth fetched beyond
 * what was taken, a failure only after the pages before it, a repeated cursor refused, and a close
 * that abandons the pending request.
 */
class PageLookaheadTest {

    private static SourcePage page(String next) {
        return new SourcePage(List.of(), next, 0, 0);
    }

    @Test
    void handsOutThePagesInListingOrderAndFetchesAtMostItsDepthAhead() throws Exception {
        Map<String, String> next = new java.util.HashMap<>(Map.of("first", "c1", "c1", "c2", "c2", "c3", "c3", "c4"));
        List<String> requested = new CopyOnWriteArrayList<>();
        Function<String, SourcePage> fetch = cursor -> {
            requested.add(String.valueOf(cursor));
            return page(next.get(cursor == null ? "first" : cursor));
        };
        try (PageLookahead lookahead = new PageLookahead("depth", null, new HashSet<>(), fetch, 2)) {
            // two pages queued, the third fetched and its thread waiting for room: had it fetched further
            // ahead, it would have requested more before it came to wait
            Thread fetcher = awaitWaitingForRoom("cutover-lookahead-depth");
            assertThat(requested).containsExactly("null", "c1", "c2");
            assertThat(fetcher.getState()).isEqualTo(Thread.State.WAITING);
            List<String> cursors = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                cursors.add(String.valueOf(lookahead.next().cursor()));
            }
            assertThat(cursors).containsExactly("null", "c1", "c2", "c3", "c4");
            assertThat(requested).containsExactly("null", "c1", "c2", "c3", "c4");
        }
    }

    @Test
    void aFailureComesAfterThePagesFetchedBeforeIt() {
        Function<String, SourcePage> fetch = cursor -> {
            if ("c2".equals(cursor)) {
                throw new SourceFailure("s", cursor, "HTTP 404", null);
            }
            return page(cursor == null ? "c1" : "c2");
        };
        try (PageLookahead lookahead = new PageLookahead("s", null, new HashSet<>(), fetch, 2)) {
            assertThat(lookahead.next().cursor()).isNull();
            assertThat(lookahead.next().cursor()).isEqualTo("c1");
            assertThatThrownBy(lookahead::next).isInstanceOf(SourceFailure.class).hasMessageContaining("cursor 'c2'");
        }
    }

    @Test
    void aNextCursorAlreadyRequestedFailsInsteadOfLooping() {
        Set<String> stored = new HashSet<>(Set.of("c1"));
        Function<String, SourcePage> fetch = cursor -> page("c2".equals(cursor) ? "c1" : "c3");
        try (PageLookahead lookahead = new PageLookahead("s", "c2", stored, fetch, 2)) {
            assertThatThrownBy(lookahead::next).isInstanceOf(SourceFailure.class)
                    .hasMessageContaining("cursor 'c2'").hasMessageContaining("was already requested in this listing");
        }
    }

    @Test
    void closeAbandonsThePendingRequest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Function<String, SourcePage> fetch = cursor -> {
            started.countDown();
            try {
                // the behavior under test: a request that does not end by itself, which close() must abandon
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return page(null);
        };
        PageLookahead lookahead = new PageLookahead("s", null, new HashSet<>(), fetch, 2);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        lookahead.close();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Awaits the lookahead's thread parked in a put to its full queue: the signal that it fetched all it
     * may and waits for the chunk to take a page.
     */
    private static Thread awaitWaitingForRoom(String threadName) {
        AtomicReference<Thread> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                if (thread.getKey().getName().equals(threadName) && thread.getKey().getState() == Thread.State.WAITING
                        && Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName().equals(
                                ArrayBlockingQueue.class.getName()) && frame.getMethodName().equals("put"))) {
                    found.set(thread.getKey());
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }
}
