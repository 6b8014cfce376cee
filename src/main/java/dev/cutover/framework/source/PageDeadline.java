package dev.cutover.framework.source;

import java.time.Duration;

/**
 * The time budget of one page ({@code cutover.source.page-deadline}): every attempt and every wait
 * between attempts, {@code Retry-After} included, must fit in it.
 */
final class PageDeadline {

    private final Duration budget;
    private final long startNanos;

    private PageDeadline(Duration budget) {
        this.budget = budget;
        this.startNanos = System.nanoTime();
    }

    static PageDeadline starting(Duration budget) {
        return new PageDeadline(budget);
    }

    Duration budget() {
        return budget;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** @return milliseconds left, never negative */
    long remainingMillis() {
        return Math.max(0, budget.minus(elapsed()).toMillis());
    }
}
