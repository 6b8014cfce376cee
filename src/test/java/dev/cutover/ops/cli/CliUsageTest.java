package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import dev.cutover.support.FailOnce;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The command line in-process, with the application running: the same answers as before it starts
 * (help, usage errors; see CutoverMainTest), and the checks that need it (the migration, its anomaly
 * codes, stored executions).
 */
@QuarkusTest
class CliUsageTest {

    @ParameterizedTest
    @ValueSource(strings = { "plan", "apply", "restart", "status", "export", "rollback", "serve" })
    void subcommandHelpExitsZeroWithItsUsage(String command) {
        Result r = Cli.run(command, "--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Usage: cutover " + command).contains("--help").contains("--verbose");
    }

    @Test
    void extraParameterExitsTwo() {
        Result r = Cli.run("status", "1", "2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("cutover: ").contains("'2'").contains("see 'cutover status --help'");
    }

    @Test
    void unknownAcceptCodeExitsTwoNamingItAndTheKnownCodes() {
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--accept", "DUPLICATE_ID,NOPE");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--accept NOPE: not an anomaly code of notification-rules-v2; known: ")
                .contains("DUPLICATE_ID").contains("INVALID_CRON").contains("BEHAVIOR_CHANGE").contains("SOURCE_INCOMPLETE");
        assertThat(r.err()).doesNotContain("execution");
    }

    @Test
    void anotherMigrationsCodeIsUnknownToApply() {
        Result r = Cli.run("apply", "rate-limits-v2", "--source", "a=http://127.0.0.1:9", "--accept", "REGION_CONFLICT,INVALID_CRON");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--accept INVALID_CRON: not an anomaly code of rate-limits-v2").contains("UNKNOWN_TIER");
    }

    @Test
    void failedDemoRunSaysItCannotBeRestartedByIdAndRestartRefusesIt() {
        FailOnce.at("retrieve-write");
        Result plan = Cli.run("plan", "notification-rules-v2", "--demo", "--no-resume");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        String id = plan.failedExecutionId();
        assertThat(plan.err()).contains("execution " + id + " read the --demo sources").contains("cannot be restarted by id")
                .contains("run it again with: cutover plan notification-rules-v2 --demo").doesNotContain("cutover restart");

        Result restart = Cli.run("restart", id);
        assertThat(restart.exitCode()).as(restart.toString()).isEqualTo(2);
        assertThat(restart.err()).contains("cannot be restarted by id").contains("cutover plan notification-rules-v2 --demo")
                .doesNotContain("restarting");
    }

    @Test
    void unknownMigrationExitsTwoAndNamesTheKnownOnes() {
        Result r = Cli.run("plan", "no-such-migration", "--source", "eu-1=http://127.0.0.1:9");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("unknown migration 'no-such-migration'").contains("notification-rules-v2");
    }

    @Test
    void sourceThatIsNotAnHttpUrlExitsTwoNamingIt() {
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "eu-1=ftp://rules.example/");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--source eu-1=ftp://rules.example/").contains("not an http(s) URL");
    }

    @Test
    void sourceBesideDemoExitsTwoRatherThanBeingDropped() {
        Result r = Cli.run("plan", "notification-rules-v2", "--demo", "--source", "eu-1=http://127.0.0.1:9");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("either --source or --demo, not both");
    }

    @Test
    void exportToAMissingDirectoryOrADirectoryExitsTwoNamingItAndMakesNothing(@TempDir Path dir) {
        Result missing = Cli.run("export", "notification-rules-v2", "--out", dir.resolve("nodir/x.json").toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("--out " + dir.resolve("nodir/x.json")).contains("does not exist");
        assertThat(dir.resolve("nodir")).doesNotExist();
        Result directory = Cli.run("export", "notification-rules-v2", "--out", dir.toString());
        assertThat(directory.exitCode()).as(directory.toString()).isEqualTo(2);
        assertThat(directory.err()).contains("--out " + dir + ": is a directory");
        Result empty = Cli.run("export", "notification-rules-v2", "--out", "");
        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(2);
        assertThat(empty.err()).contains("--out '': is a directory");
    }

    @Test
    void sourceWithoutNameExitsTwo() {
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "http://127.0.0.1:9");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("is not NAME=URL");
    }

    @Test
    void sameSourceNameTwiceExitsTwo() {
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--source", "a=http://127.0.0.1:8");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("given twice");
    }

    @Test
    void concurrencyOutOfRangeExitsTwo() {
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--concurrency", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--concurrency 0: must be between 1 and 64");
    }

    @Test
    void nonNumericConcurrencyExitsTwo() {
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--concurrency", "many");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--concurrency");
    }

    @Test
    void malformedAcceptCodeExitsTwo() {
        Result r = Cli.run("plan", "notification-rules-v2", "--source", "a=http://127.0.0.1:9", "--accept", "invalid-cron");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--accept invalid-cron");
    }

    @Test
    void noSourcesAtAllExitsTwo() {
        Result r = Cli.run("plan", "notification-rules-v2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("no sources").contains("cutover.migrations.notification-rules-v2.sources.NAME.url");
    }

    @Test
    void missingMigrationArgumentExitsTwo() {
        Result r = Cli.run("plan");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("<migration>");
    }

    @Test
    void unknownCommandExitsTwoNamingItAndTheCommands() {
        Result r = Cli.run("migrate-everything");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("cutover: unknown command 'migrate-everything'; the commands are plan, apply, restart");
    }

    @Test
    void restartOfUnknownExecutionExitsTwo() {
        Result r = Cli.run("restart", "987654");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("no execution 987654");
    }

    @Test
    void statusOfUnknownExecutionExitsTwo() {
        Result r = Cli.run("status", "987654", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("no execution 987654");
    }
}
