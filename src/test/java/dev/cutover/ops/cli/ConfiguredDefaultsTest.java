package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import picocli.CommandLine.ParseResult;

/**
 * An option's default is the application's setting of the same name, however it is set (here as the
 * configuration file would set it); the option, when given, wins. Only parsed: nothing runs.
 */
@QuarkusTest
@TestProfile(ConfiguredDefaultsTest.Settings.class)
class ConfiguredDefaultsTest {

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.concurrency", "3", "cutover.retention.keep-runs", "7");
        }
    }

    @Inject
    CutoverMain main;

    @Test
    void concurrencyDefaultsToTheConfiguredSettingAndTheOptionWins() {
        assertThat(plan("plan", "notification-rules-v2", "--demo").options.concurrency).isEqualTo(3);
        assertThat(plan("plan", "notification-rules-v2", "--demo", "--concurrency", "5").options.concurrency).isEqualTo(5);
    }

    @Test
    void keepDefaultsToTheConfiguredSetting() {
        assertThat(((PruneCommand) parsed("prune", "notification-rules-v2").commandSpec().userObject()).keep).isEqualTo(7);
    }

    private PlanCommand plan(String... args) {
        return (PlanCommand) parsed(args).commandSpec().userObject();
    }

    private ParseResult parsed(String... args) {
        return main.commandLine().parseArgs(args).subcommand();
    }
}
