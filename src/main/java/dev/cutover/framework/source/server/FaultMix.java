package dev.cutover.framework.source.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded random mix of transient faults for one test source server (issue 11, "faults at the
 * sources, combined"), and that server's own record of what it injected and of whether its client
 * honoured every {@code Retry-After} it was given.
 *
 * <p><b>The mix.</b> Each request draws, from a {@link SplittableRandom} of the seed: 30% a
 * {@link Fault#SERVER_ERROR} (500, 502, 503 or 504), 5% a {@link Fault#THROTTLE_SECONDS} and 5% a
 * {@link Fault#THROTTLE_DATE} (429 with {@code Retry-After} in seconds, or as an HTTP date), 5% a
 * {@link Fault#TIMEOUT} (the answer is held {@code timeout}, longer than the client's request timeout),
 * else a normal answer; independently, 10% of the requests that are not timeouts get a
 * {@link Fault#SPIKE} (held 50 to 400 ms before their answer, faulted or not). A client that asks for
 * the same things in the same order gets the same faults: a source's requests are sequential (one
 * cursor after the other), so a run is reproducible from the seed.
 *
 * <p><b>Transient by construction.</b> After {@code maxInARow} faulted answers in a row (spikes do not
 * count, they are answered), the next request is answered normally: with {@code maxInARow} below the
 * client's attempts per page, the mix can never exhaust them, and a run that fails is a defect, not
 * bad luck.
 *
 * <p><b>Retry-After ledger.</b> A 429's {@code Retry-After} is written when the answer is sent
 * ({@link #retryAfter}), and its deadline is recorded as announced in the mix's {@link RetryAfterLedger}:
 * every request that arrives ({@link #arrive}) before the last announced deadline is counted
 * {@linkplain #earlyRequests() early}, with by how much.
 *
 * <p>Thread-safe.
 */
public final class FaultMix {

    /** What a request can get from the mix. */
    public enum Fault {
        /** 500, 502, 503 or 504, at once (after a spike, if drawn). */
        SERVER_ERROR,
        /** 429 with {@code Retry-After: <seconds>}. */
        THROTTLE_SECONDS,
        /** 429 with {@code Retry-After: <HTTP date>}. */
        THROTTLE_DATE,
        /** The normal answer, held longer than the client waits for it. */
        TIMEOUT,
        /** The answer (faulted or not) held 50 to 400 ms. */
        SPIKE
    }

    /**
     * What the mix does to one request.
     *
     * @param status      0 to answer normally, else the error status to answer (500..504, 429)
     * @param throttle    {@link Fault#THROTTLE_SECONDS}, {@link Fault#THROTTLE_DATE} or {@code null}: the
     *                    {@code Retry-After} to ask for, through {@link #retryAfter}, when sending
     * @param delayMillis how long to hold the request before answering (a timeout or a spike)
     */
    public record Draw(int status, Fault throttle, long delayMillis) {

        static final Draw NONE = new Draw(0, null, 0);

        /** @return whether the request is answered as it would be without the mix, at once */
        public boolean isNone() {
            return status == 0 && delayMillis == 0;
        }
    }

    private static final int[] SERVER_ERRORS = { 500, 502, 503, 504 };
    private static final long RETRY_AFTER_SECONDS = 1;

    private final SplittableRandom random;
    private final long timeoutMillis;
    private final int maxInARow;
    private final Clock clock;
    private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    private final RetryAfterLedger ledger;
    private int inARow;
    private int requests;

    /**
     * @param seed      the random seed: the same seed draws the same faults for the same requests
     * @param timeout   how long a {@link Fault#TIMEOUT} holds its answer: longer than the client's request timeout
     * @param maxInARow faulted answers in a row after which one is answered normally (at least 1)
     */
    public FaultMix(long seed, Duration timeout, int maxInARow) {
        this(seed, timeout, maxInARow, Clock.systemUTC());
    }

    FaultMix(long seed, Duration timeout, int maxInARow, Clock clock) {
        if (maxInARow < 1) {
            throw new IllegalArgumentException("maxInARow must be at least 1: " + maxInARow);
        }
        this.random = new SplittableRandom(seed);
        this.timeoutMillis = timeout.toMillis();
        this.maxInARow = maxInARow;
        this.clock = clock;
        this.ledger = new RetryAfterLedger(clock);
    }

    /**
     * Counts a request that just arrived (early when before the last announced {@code Retry-After}) and
     * draws what it gets: {@link #observe} then {@link #draw}.
     *
     * @param what the request, as the early list names it (its path and query)
     */
    public synchronized Draw arrive(String what) {
        observe(what);
        return draw();
    }

    /**
     * Counts a request that just arrived, early when before the last announced {@code Retry-After}, and
     * draws nothing: for a request that something else answers.
     */
    public synchronized void observe(String what) {
        requests++;
        ledger.observe(what);
    }

    /** Draws what a request gets, counting the faults drawn as injected. */
    public synchronized Draw draw() {
        // every request draws the same number of values, so one fault does not shift the next ones
        double roll = random.nextDouble();
        boolean spike = random.nextDouble() < 0.10;
        long spikeMillis = 50 + random.nextLong(351);
        int error = SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)];
        Fault fault = roll < 0.30 ? Fault.SERVER_ERROR
                : roll < 0.35 ? Fault.THROTTLE_SECONDS
                : roll < 0.40 ? Fault.THROTTLE_DATE
                : roll < 0.45 ? Fault.TIMEOUT
                : null;
        if (fault != null && inARow >= maxInARow) {
            fault = null;
        }
        inARow = fault == null ? 0 : inARow + 1;
        if (fault != null) {
            injected.merge(fault, 1, Integer::sum);
        }
        if (fault == Fault.TIMEOUT) {
            return new Draw(0, null, timeoutMillis);
        }
        long delay = 0;
        if (spike) {
            injected.merge(Fault.SPIKE, 1, Integer::sum);
            delay = spikeMillis;
        }
        if (fault == Fault.SERVER_ERROR) {
            return new Draw(error, null, delay);
        }
        if (fault != null) {
            return new Draw(429, fault, delay);
        }
        return delay == 0 ? Draw.NONE : new Draw(0, null, delay);
    }

    /**
     * The {@code Retry-After} of a throttling draw, computed now (call it when the answer is sent), its
     * deadline recorded as announced.
     *
     * @return the header's value
     */
    public synchronized String retryAfter(Draw draw) {
        Instant now = clock.instant();
        String header = draw.throttle() == Fault.THROTTLE_DATE
                ? RetryAfterLedger.httpDate(now.plusSeconds(RETRY_AFTER_SECONDS))
                : Long.toString(RETRY_AFTER_SECONDS);
        ledger.announced(header);
        return header;
    }

    /** @return the faults injected so far, by kind (spikes included) */
    public synchronized Map<Fault, Integer> injected() {
        return new EnumMap<>(injected);
    }

    /** @return the faults injected so far, spikes included */
    public synchronized int injectedCount() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return the requests that arrived so far */
    public synchronized int requests() {
        return requests;
    }

    /** @return the requests that arrived before the {@code Retry-After} deadline last announced */
    public synchronized int earlyRequests() {
        return ledger.earlyRequests();
    }

    /** @return the first early requests, each with by how much it was early */
    public synchronized List<String> early() {
        return ledger.early();
    }
}
