package dev.cutover.framework.source.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.source.server.ArmedFaults.Armed;
import dev.cutover.framework.source.server.ArmedFaults.Decision;
import dev.cutover.framework.source.server.ArmedFaults.Kind;

/**
 * Test hooks of one {@link LegacySourceServer}: arms faults for the next requests and counts the
 * requests served. Thread-safe; arming takes effect for requests that arrive afterwards.
 *
 * <p>Each {@code ...Next(times, ...)} call arms a fault for the next {@code times} requests it applies
 * to; calls of one kind queue up in order (two {@code failNext} calls answer their statuses one after
 * the other). When several kinds are armed, a request is first delayed (if a delay is armed), then
 * answered by the first armed status, else given the first armed bad body, else (a {@code /v1/rules}
 * request carrying a cursor) given a repeated cursor. Faults armed through {@link #on(String)} apply to
 * that path only; faults armed here apply to every path. A source that is {@linkplain #isDown() down}
 * answers every request {@code 503} at once, consuming no armed fault. A {@linkplain #mix(FaultMix) fault
 * mix} sees every other request (it records arrivals against the {@code Retry-After} it announced) and
 * decides the requests that no armed fault applies to. The {@code Retry-After} of armed throttles has a
 * ledger of its own ({@link #earlyRequests()}), which sees every request.
 */
public final class SourceFaults {

    /** How a {@linkplain #badBodyNext bad body} breaks the contract. */
    public enum BadBody {
        /** {@code 200} with an HTML page. */
        NOT_JSON,
        /** {@code 200} with the first half of the real JSON answer. */
        TRUNCATED,
        /** {@code 200} with JSON of the wrong shape: {@code items} not an array, {@code total} a string. */
        WRONG_SHAPE,
        /** {@code 200} with the real answer, but one byte {@code 0xFF} inside its first string: not UTF-8. */
        INVALID_UTF8
    }

    private final Shared shared;
    private final String path;

    SourceFaults() {
        this(new Shared(), null);
    }

    private SourceFaults(Shared shared, String path) {
        this.shared = shared;
        this.path = path;
    }

    /** @return hooks that arm faults for requests to {@code path} only (e.g. {@code /v1/changes}) */
    public SourceFaults on(String path) {
        return new SourceFaults(shared, path);
    }

    /** The next {@code times} requests are answered {@code status} (e.g. 500, 502, 503, 504, 404). */
    public SourceFaults failNext(int times, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        return arm(new Armed(Kind.STATUS, times, status, null, 0, null));
    }

    /** The next {@code times} requests are answered {@code 429} with {@code Retry-After: <seconds>}. */
    public SourceFaults throttleNext(int times, Duration retryAfter) {
        return arm(new Armed(Kind.STATUS, times, 429, Long.toString(retryAfter.toSeconds()), 0, null));
    }

    /** The next {@code times} requests are answered {@code 429} with {@code Retry-After} as an HTTP date. */
    public SourceFaults throttleNext(int times, Instant retryAt) {
        return arm(new Armed(Kind.STATUS, times, 429, RetryAfterLedger.httpDate(retryAt), 0, null));
    }

    /**
     * The next {@code times} requests are answered {@code 429} with {@code Retry-After} exactly as given
     * (any text: a huge number, a malformed date), for clients that must not trust it blindly.
     */
    public SourceFaults throttleNext(int times, String retryAfter) {
        return arm(new Armed(Kind.STATUS, times, 429, retryAfter, 0, null));
    }

    /**
     * The next {@code times} requests get the real answer's status line and headers, with a
     * {@code Content-Length} of the whole body, then half of the body, and the connection is closed.
     */
    public SourceFaults closeMidBodyNext(int times) {
        return arm(new Armed(Kind.CLOSE_MID_BODY, times, 0, null, 0, null));
    }

    /**
     * The next {@code times} requests get {@code 200} and headers at once, then one blank of body every
     * {@code every}, never ending: the connection is never idle, so only a client's own deadline ends it.
     */
    public SourceFaults trickleNext(int times, Duration every) {
        return arm(new Armed(Kind.TRICKLE, times, 0, null, every.toMillis(), null));
    }

    /** The next {@code times} requests are held in flight for {@code delay} before being answered. */
    public SourceFaults delayNext(int times, Duration delay) {
        return arm(new Armed(Kind.DELAY, times, 0, null, delay.toMillis(), null));
    }

    /** The next {@code times} requests are answered {@code 200} with a body that breaks the contract. */
    public SourceFaults badBodyNext(int times, BadBody kind) {
        return arm(new Armed(Kind.BAD_BODY, times, 0, null, 0, kind));
    }

    /**
     * The next {@code times} {@code /v1/rules} requests that carry a cursor get that same cursor back as
     * {@code next_cursor}, which the client has therefore already seen (a first-page request has no
     * earlier cursor to repeat, so it is answered normally and does not use up the fault).
     */
    public SourceFaults repeatCursorNext(int times) {
        return arm(new Armed(Kind.REPEAT_CURSOR, times, 0, null, 0, null));
    }

    /**
     * The next {@code times} {@code /v1/rules} answers that would be normal are replaced by what
     * {@code rewrite} makes of the page (any JSON value: an array instead of the object, a
     * {@code next_cursor} of 100 KB, a {@code total} that lies), sent as {@code 200} JSON.
     */
    public SourceFaults rewriteNext(int times, UnaryOperator<JsonNode> rewrite) {
        Armed armed = new Armed(Kind.REWRITE, times, 0, null, 0, null);
        armed.rewrite = rewrite;
        return arm(armed);
    }

    /**
     * The next {@code times} answers that would be normal, to {@code /v1/rules} or {@code /v1/changes}
     * (arm through {@link #on(String)} for one of them), are sent as what {@code rewrite} makes of the
     * answer's JSON text: what a tree cannot hold, such as a field given twice.
     */
    public SourceFaults rewriteTextNext(int times, UnaryOperator<String> rewrite) {
        Armed armed = new Armed(Kind.REWRITE_TEXT, times, 0, null, 0, null);
        armed.rewriteText = rewrite;
        return arm(armed);
    }

    /**
     * Runs {@code action} once, right after the {@code pages}-th {@code /v1/rules} page from now is
     * answered normally and before any later request is answered: edits made there show in the next
     * page, like a source edited while it is listed.
     */
    public SourceFaults afterPages(int pages, Runnable action) {
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be >= 1: " + pages);
        }
        synchronized (shared) {
            shared.afterPages.add(new PageAction(shared.pagesServed + pages, action));
        }
        return this;
    }

    /**
     * After {@code pages} more {@code /v1/rules} pages answered normally, the source goes down: every
     * later request is answered {@code 503} until {@link #recover()}. {@code 0} takes it down now.
     */
    public SourceFaults downAfterPages(int pages) {
        synchronized (shared) {
            shared.pagesUntilDown = pages;
            shared.down = pages == 0;
        }
        return this;
    }

    /** Brings a down source back up and disarms a pending {@link #downAfterPages(int)}. */
    public SourceFaults recover() {
        synchronized (shared) {
            shared.down = false;
            shared.pagesUntilDown = -1;
        }
        return this;
    }

    /**
     * Draws a fault from {@code mix} for every later request that no armed fault applies to, on every
     * path ({@code null} stops it). The mix keeps its own counters: what it injected, and requests that
     * came before a {@code Retry-After} it announced.
     */
    public SourceFaults mix(FaultMix mix) {
        synchronized (shared) {
            shared.mix = mix;
        }
        return this;
    }

    /** Disarms every fault, on every path, stops the mix and recovers; the request counters are kept. */
    public SourceFaults clear() {
        synchronized (shared) {
            shared.armed.clear();
            shared.mix = null;
        }
        return recover();
    }

    /** @return whether the source answers every request {@code 503} now */
    public boolean isDown() {
        synchronized (shared) {
            return shared.down;
        }
    }

    /** @return the number of requests received, any path, faulted ones included */
    public int requestCount() {
        synchronized (shared) {
            return shared.requests;
        }
    }

    /** @return the number of requests received for {@code path}, faulted ones included */
    public int requestCount(String path) {
        synchronized (shared) {
            return shared.requestsByPath.getOrDefault(path, 0);
        }
    }

    /**
     * @return the requests, any path, that arrived before the deadline of the last {@code Retry-After} an
     *         armed throttle sent ({@link RetryAfterLedger}; a {@linkplain #mix(FaultMix) mix} counts its own)
     */
    public int earlyRequests() {
        return shared.ledger.earlyRequests();
    }

    /** @return the first {@linkplain #earlyRequests() early requests}, each with by how much it was early */
    public List<String> early() {
        return shared.ledger.early();
    }

    /** @return requests received per path, sorted by path */
    public Map<String, Integer> requestCounts() {
        synchronized (shared) {
            return new TreeMap<>(shared.requestsByPath);
        }
    }

    /**
     * Counts a request that just arrived and decides which faults it gets.
     *
     * @param uri the request's path and query, as a fault mix names an early request
     */
    Decision arrive(String requestPath, boolean hasCursor, String uri) {
        synchronized (shared) {
            shared.requests++;
            shared.requestsByPath.merge(requestPath, 1, Integer::sum);
            shared.ledger.observe(uri);
            if (shared.down) {
                return new Decision(0, 503, null, "down (injected)", null, false, false, 0, null, null, null, null);
            }
            if (shared.mix != null) {
                shared.mix.observe(uri);
            }
            return shared.armed.decide(requestPath, hasCursor, shared.mix);
        }
    }

    /** @return the {@code Retry-After} to send with the decided status now ({@code null}: none) */
    String retryAfter(Decision decision) {
        if (decision.mixed() != null && decision.mixed().throttle() != null) {
            return decision.mix().retryAfter(decision.mixed());
        }
        if (decision.retryAfter() != null) {
            shared.ledger.announced(decision.retryAfter());
        }
        return decision.retryAfter();
    }

    /** Counts a {@code /v1/rules} page answered normally, for {@link #downAfterPages(int)}. */
    void pageServed() {
        List<Runnable> due = new ArrayList<>();
        synchronized (shared) {
            shared.pagesServed++;
            if (shared.pagesUntilDown > 0 && --shared.pagesUntilDown == 0) {
                shared.down = true;
            }
            for (Iterator<PageAction> it = shared.afterPages.iterator(); it.hasNext();) {
                PageAction action = it.next();
                if (action.afterPage() <= shared.pagesServed) {
                    due.add(action.action());
                    it.remove();
                }
            }
        }
        // outside the lock: an action edits the data, which has a lock of its own
        due.forEach(Runnable::run);
    }

    private SourceFaults arm(Armed fault) {
        if (fault.remaining < 1) {
            throw new IllegalArgumentException("times must be >= 1: " + fault.remaining);
        }
        synchronized (shared) {
            shared.armed.add(fault.forPath(path));
        }
        return this;
    }

    /** An action to run once the listing has served {@code afterPage} pages normally. */
    private record PageAction(int afterPage, Runnable action) {
    }

    /** State shared by a server's hooks and their per-path views. */
    private static final class Shared {
        final ArmedFaults armed = new ArmedFaults();
        final Map<String, Integer> requestsByPath = new TreeMap<>();
        final List<PageAction> afterPages = new ArrayList<>();
        final RetryAfterLedger ledger = new RetryAfterLedger(Clock.systemUTC());
        int requests;
        int pagesServed;
        int pagesUntilDown = -1;
        boolean down;
        FaultMix mix;
    }
}
