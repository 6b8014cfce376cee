package dev.cutover.framework.run;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Named points inside the steps where a failure drill can stop an execution: a test replaces this
 * bean to throw there, and {@code cutover.probe.pause.<point>=<duration>} (off by default) pauses
 * there, inside the step's transaction, so that a process can be killed at a known moment. Points:
 * {@code retrieve-write}, {@code stage-write} (in the chunk transaction, before its commit),
 * {@code validate}, {@code activate-before-commit} (inside the switch transaction).
 */
@ApplicationScoped
public class StepProbe {

    /** Called when a step reaches {@code point}. */
    public void reached(String point) {
        Optional<Duration> pause = ConfigProvider.getConfig().getOptionalValue("cutover.probe.pause." + point, Duration.class);
        if (pause.isPresent()) {
            try {
                Thread.sleep(pause.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
