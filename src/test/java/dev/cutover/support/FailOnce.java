package dev.cutover.support;

import dev.cutover.framework.run.StepProbe;
import io.quarkus.test.junit.QuarkusMock;

/** Failure injection: the next time an execution reaches {@code point}, it fails there (once). */
public final class FailOnce {

    private FailOnce() {
    }

    /** Installs the failure for the current test (QuarkusMock resets it after the test). */
    public static void at(String point) {
        QuarkusMock.installMockForType(new StepProbe() {
            private boolean failed;

            @Override
            public synchronized void reached(String reached) {
                if (reached.equals(point) && !failed) {
                    failed = true;
                    throw new IllegalStateException("injected failure at " + point);
                }
            }
        }, StepProbe.class);
    }
}
