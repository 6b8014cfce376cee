package dev.cutover.migrations.ratelimits;

import static dev.cutover.migrations.ratelimits.RateLimitsRuns.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.run.StepProbe;
import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Drift through a protocol other than §4's: a region's KV store changes a key between retrieval and
 * activation, and the framework's drift check, asking the store's changes endpoint through the
 * migration's protocol, refuses the activation naming the key.
 */
@QuarkusTest
class RateLimitsDriftTest {

    @Inject
    GenerationSwitch generations;

    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        RateLimitsRuns.startFromLegacy(generations);
    }

    @Test
    void aKeyChangedInARegionAfterRetrievalRefusesTheActivationNamingIt() {
        try (DemoRegions regions = DemoRegions.start()) {
            String key = regions.server("eu").store().entries().stream()
                    .map(e -> e.key()).filter(k -> k != null && k.startsWith("ratelimits/svc-01")).findFirst().orElseThrow();
            QuarkusMock.installMockForType(new StepProbe() {
                @Override
                public void reached(String point) {
                    if (point.equals("validate")) {
                        // retrieval and staging are done: the store moves on before the switch
                        regions.server("eu").store().put(key, TextNode.valueOf("7/s"));
                    }
                }
            }, StepProbe.class);
            ExecutingModel before = generations.current(MIGRATION);

            Cli.Result r = RateLimitsRuns.apply(regions);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.out()).contains("DRIFT: legacy configuration changed after it was retrieved: eu: key " + key
                    + " changed");
            assertThat(generations.current(MIGRATION)).isEqualTo(before);
        }
    }
}
