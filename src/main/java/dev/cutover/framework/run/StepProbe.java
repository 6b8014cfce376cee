package dev.cutover.framework.run;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Named points inside the steps where a failure drill can stop an execution: a test replaces this
 * bean to throw there, and {@code cutover.probe.pause.<point>=<duration>} (off by default) pauses
 * there, inside the step's transaction, so that a process can be killed at a known moment. Points:
 * {@code retrieve-write}, {@code stage-write} (in the chunk transaction, before its commit),
 * {@code validate}, {@code activate-before-commit} (inside the switch transaction).
 */
@ApplicationScoped
public class StepProbe {

    private static final Logger LOG = Logger.getLogger(StepProbe.class);

    /** Called when a step reaches {@code point}. */
    public void reached(String point) {
        Optional<Duration> pause = ConfigProvider.getConfig().getOptionalValue("cutover.probe.pause." + point, Duration.class);
        if (pause.isPresent()) {
            // a drill waits for this line: the process itself reports that it reached the point
            long millis = pause.get().toMillis();
            LOG.infof("probe: pausing %s at %s", millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms", point);
            try {
                Thread.sleep(pause.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
