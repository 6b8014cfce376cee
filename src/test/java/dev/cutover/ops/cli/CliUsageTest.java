package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.cutover.support.Cli.Result;
import dev.cutover.support.Cli;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CliUsageTest {

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
    void unknownCommandExitsTwo() {
        Result r = Cli.run("migrate-everything");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
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
