package dev.cutover.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The command line before the application starts: which command lines get the HTTP server, what the
 * parse-only command line (no CDI, no Quarkus) answers itself, and what a failed start says. The
 * packaged jar is checked in {@code HttpPortIT} and {@code CommandLineProcessIT}.
 */
class CutoverMainTest {

    private static final String URL = "jdbc:postgresql://db.example:6543/cutover";

    /** What the parse-only command line answered. */
    record Answer(int exitCode, String out, String err) {
    }

    static Answer parseOnly(String... args) {
        CommandLine line = CutoverCommandLine.parseOnly();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Answer(exit, out.toString(), err.toString());
    }

    @Test
    void onlyServeServesHttp() {
        assertThat(CutoverMain.servesHttp("serve")).isTrue();
        assertThat(CutoverMain.servesHttp("--verbose", "serve")).isTrue();
        assertThat(CutoverMain.servesHttp("status")).isFalse();
        assertThat(CutoverMain.servesHttp("plan", "serve")).isFalse();
        assertThat(CutoverMain.servesHttp("--help")).isFalse();
        assertThat(CutoverMain.servesHttp()).isFalse();
    }

    @Test
    void rootHelpAndVersionAreAnsweredWithoutTheApplication() {
        Answer help = parseOnly("--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: cutover").contains("plan").contains("serve").contains("--verbose");
        Answer version = parseOnly("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("cutover 0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "plan", "apply", "restart", "status", "export", "rollback", "serve" })
    void everySubcommandAnswersHelpWithExitZero(String command) {
        Answer help = parseOnly(command, "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: cutover " + command);
        assertThat(help.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plan", // missing parameter
            "plan notification-rules-v2 extra", // extra parameter
            "plan notification-rules-v2 --bogus", // unknown option
            "restart abc", // not a number
            "status 1 2",
            "migrate-everything", // unknown subcommand
            "plan notification-rules-v2 --concurrency many",
            "plan notification-rules-v2 --concurrency 0",
            "plan notification-rules-v2 --concurrency 65",
            "apply notification-rules-v2 --plan-digest sha256:abc",
            "plan notification-rules-v2 --source not-name-equals-url",
            "plan notification-rules-v2 --source eu=ftp://rules.example/",
            "plan notification-rules-v2 --source a=http://127.0.0.1:9 --source a=http://127.0.0.1:8",
            "plan notification-rules-v2 --accept invalid-cron",
            "plan notification-rules-v2 --out /no/such/directory/report.json" })
    void usageErrorsExitTwoWithOneLineAndWhereHelpIs(String commandLine) {
        Answer answer = parseOnly(commandLine.split(" "));
        assertThat(answer.exitCode()).as(answer.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(answer.err()).startsWith("cutover: ").contains("--help'").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(answer.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "plan", "apply", "export", "rollback" })
    void unknownMigrationIsAnsweredWithoutTheApplicationNamingTheKnownOnes(String command) {
        for (String name : new String[] { "no-such-migration", "cutover-migration", "../notification-rules-v2" }) {
            Answer answer = parseOnly(command, name);
            assertThat(answer.exitCode()).as(answer.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(answer.err()).contains("unknown migration '" + name + "'; known: ")
                    .contains("notification-rules-v2").contains("rate-limits-v2").doesNotContain("known: cutover-migration");
        }
    }

    @Test
    void noSubcommandIsAUsageError() {
        for (String[] args : new String[][] { {}, { "--verbose" } }) {
            Answer answer = parseOnly(args);
            assertThat(answer.exitCode()).as(answer.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(answer.err()).contains("cutover: Missing required subcommand").contains("see 'cutover --help'");
        }
    }

    @Test
    void usageErrorNamesWhatIsWrong() {
        assertThat(parseOnly("plan", "notification-rules-v2", "--concurrency", "0").err())
                .contains("--concurrency 0: must be between 1 and 64").contains("see 'cutover plan --help'");
        assertThat(parseOnly("apply", "x", "--plan-digest", "abc").err()).contains("--plan-digest abc: must be sha256:");
        assertThat(parseOnly("plan").err()).contains("Missing required parameter: '<migration>'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "status", "status 42 --json", "plan notification-rules-v2", "plan notification-rules-v2 --demo",
            "apply notification-rules-v2 --source a=http://127.0.0.1:9 --concurrency 8 --accept DUPLICATE_ID",
            "restart 42", "export notification-rules-v2", "rollback notification-rules-v2", "serve", "--verbose status" })
    void aValidCommandLineNeedsTheApplication(String commandLine) {
        Answer answer = parseOnly(commandLine.split(" "));
        assertThat(answer.exitCode()).as(answer.toString()).isEqualTo(CutoverCommandLine.NEEDS_APPLICATION);
        assertThat(answer.out() + answer.err()).isEmpty();
    }

    @Test
    void verboseIsFoundBeforeOrAfterTheSubcommand() {
        assertThat(verbose("--verbose", "status")).isTrue();
        assertThat(verbose("status", "--verbose")).isTrue();
        assertThat(verbose("status")).isFalse();
    }

    private static boolean verbose(String... args) {
        CommandLine line = CutoverCommandLine.parseOnly();
        line.execute(args);
        return CutoverCommandLine.verbose(line.getParseResult());
    }

    @Test
    void refusedConnectionIsOneLineNamingTheUrlAndTheFix() {
        SQLException refused = new SQLException("Connection to db.example:6543 refused.", "08001", new ConnectException("Connection refused"));
        StartupFailure.Answer answer = StartupFailure.explain(new RuntimeException("Failed to start quarkus", refused), URL, "postgres");
        assertThat(answer.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(answer.line()).isEqualTo("cutover: cannot reach the database at " + URL
                + " (connection refused): start PostgreSQL there or set QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void missingDatabaseSaysHowToCreateIt() {
        SQLException missing = new SQLException("FATAL: database \"cutover\" does not exist", "3D000");
        StartupFailure.Answer answer = StartupFailure.explain(new RuntimeException(missing), URL, "postgres");
        assertThat(answer.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(answer.line()).contains("the database at " + URL + " does not exist")
                .contains("createdb -h db.example -p 6543 -U postgres cutover");
    }

    @Test
    void refusedLoginNamesTheUserAndTheSettings() {
        SQLException login = new SQLException("FATAL: password authentication failed for user \"bob\"", "28P01");
        StartupFailure.Answer answer = StartupFailure.explain(new RuntimeException(login), URL, "bob");
        assertThat(answer.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(answer.line()).contains("refused the login of user bob").contains("QUARKUS_DATASOURCE_PASSWORD");
    }

    /**
     * A run that runs out of heap ends the process through the same handler as a failed start: measured
     * with 1M anomalous notification rules at -Xmx256m, it said "cutover: cannot start: Java heap space"
     * after 45 s of work, when the execution had been stopped and could be resumed with more heap.
     */
    @Test
    void runningOutOfHeapSaysSoAndHowToGoOnNotThatItCouldNotStart() {
        StartupFailure.Answer answer = StartupFailure.explain(new RuntimeException("batchlet failed",
                new OutOfMemoryError("Java heap space")), URL, "postgres");
        assertThat(answer.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(answer.line()).doesNotContain("cannot start")
                .startsWith("cutover: out of memory (Java heap space)")
                .contains("-Xmx").contains("run the same command again");
    }

    @Test
    void anyOtherStartFailureIsOneLineWithItsCause() {
        StartupFailure.Answer answer = StartupFailure.explain(new RuntimeException("Failed to start quarkus",
                new IllegalStateException("something broke\n  with details on more lines")), URL, null);
        assertThat(answer.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(answer.line()).isEqualTo("cutover: cannot start: something broke");
    }
}
