package dev.cutover.framework.source;

/**
 * Whether the execution a request belongs to was asked to stop (SIGTERM, the API's stop, a lost
 * lease). {@link SourceClient} polls it while a request or a backoff wait is pending and gives up the
 * wait as soon as it answers {@code true}, so a stop never waits for a source.
 */
@FunctionalInterface
public interface StopSignal {

    /** Never asks to stop: for callers that have no execution to stop. */
    StopSignal NEVER = () -> false;

    boolean stopRequested();
}
