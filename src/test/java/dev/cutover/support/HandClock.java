package dev.cutover.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that a test sets or moves by hand, so a deadline is met or missed by a chosen nanosecond. */
public final class HandClock extends Clock {

    private volatile Instant now;

    public HandClock(Instant now) {
        this.now = now;
    }

    /** Sets the time. */
    public void set(Instant now) {
        this.now = now;
    }

    /** Moves the time on by {@code by}. */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a hand clock is UTC");
    }
}
