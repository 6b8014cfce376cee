package dev.cutover.guide;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The build of the guide's tests: the production migrations plus the example {@code feature-flags-v2}
 * ({@code cutover.guide.feature-flags=true} turns its beans on). A profile of its own keeps the example
 * out of every other test's application, which lists the production migrations only.
 */
public class GuideProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cutover.guide.feature-flags", "true");
    }
}
