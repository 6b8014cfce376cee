package dev.cutover.migrations.ratelimits.demo;

import java.util.concurrent.atomic.AtomicInteger;

import dev.cutover.framework.source.server.FaultMix;

/**
 * Faults a test arms on a {@link KvSourceServer}, each for the next {@code n} listing pages (changes
 * answers are never faulted), and the server's counters. A {@linkplain #mix(FaultMix) fault mix}, when
 * set, draws first for every request, changes included; armed faults apply to the listing pages the
 * mix answers normally. Thread-safe.
 */
public final class KvFaults {

    /** What the next page does instead of answering normally. */
    public enum Fault {
        /** {@code 503} with {@code Retry-After: 0}: transient, retried. */
        UNAVAILABLE,
        /** The status line, headers and half the promised body, then the connection closes. */
        CLOSE_MID_BODY,
        /** A {@code 200} without the {@code X-Kv-Index} header. */
        NO_INDEX_HEADER,
        /** A {@code 200} with the first half of the body. */
        TRUNCATED
    }

    private final AtomicInteger[] armed = new AtomicInteger[Fault.values().length];
    private final AtomicInteger pagesServed = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile FaultMix mix;

    public KvFaults() {
        for (int i = 0; i < armed.length; i++) {
            armed[i] = new AtomicInteger();
        }
    }

    /** Arms {@code fault} for the next {@code pages} listing pages. */
    public void arm(Fault fault, int pages) {
        armed[fault.ordinal()].addAndGet(pages);
    }

    /**
     * Draws a fault from {@code mix} for every later request, on every path ({@code null} stops it). The
     * mix keeps its own counters: what it injected, and requests that came before a {@code Retry-After}
     * it announced.
     */
    public void mix(FaultMix mix) {
        this.mix = mix;
    }

    /** @return the fault mix set, or {@code null} */
    FaultMix mix() {
        return mix;
    }

    /** @return the fault a listing page gets now (consuming it), or {@code null} */
    Fault next() {
        requests.incrementAndGet();
        for (Fault fault : Fault.values()) {
            if (armed[fault.ordinal()].getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return fault;
            }
        }
        return null;
    }

    void pageServed() {
        pagesServed.incrementAndGet();
    }

    /** @return listing pages answered whole and well */
    public int pagesServed() {
        return pagesServed.get();
    }

    /** @return listing requests received, faulted ones included */
    public int listingRequests() {
        return requests.get();
    }
}
