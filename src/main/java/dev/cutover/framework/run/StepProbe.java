package dev.cutover.framework.run;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Named points inside the apply steps ({@code validate}, {@code activate.beforeCommit}) that tests
 * replace to inject a failure exactly there. Does nothing in the application.
 */
@ApplicationScoped
public class StepProbe {

    /** Called when the step reaches {@code point}; a test replacement may throw. */
    public void reached(String point) {
    }
}
