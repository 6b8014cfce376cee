package dev.cutover.migrations.notifications.dispatch;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the live dispatcher runs ({@code cutover.dispatcher.*}). */
@ConfigMapping(prefix = "cutover.dispatcher")
public interface DispatcherConfig {

    /** Time between the end of one tick and the start of the next. */
    @WithDefault("1s")
    Duration tick();

    /**
     * Whether the dispatcher starts, on the real-time clock, when the application starts. Off by
     * default, so that command-line runs (plan, apply, ...) never dispatch; {@code serve} starts it
     * itself ({@link NotificationDispatcher#startServing()}).
     */
    @WithDefault("false")
    boolean enabled();
}
