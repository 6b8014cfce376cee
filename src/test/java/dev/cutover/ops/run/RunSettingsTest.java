package dev.cutover.ops.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.framework.source.SourceEndpoint;

/**
 * The rules of a run's options, shared by the command line, the HTTP API and the schedules, without the
 * application: every refusal is an {@link InvalidRunOption} naming the option, the value as given and
 * what is wrong with it; what passes becomes the run's settings as given (sources sorted by name).
 */
class RunSettingsTest {

    private static final List<SourceEndpoint> ONE = List.of(SourceEndpoint.of("s1", "http://127.0.0.1:9"));
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Runnable settings, String option, String given,
            String problem) {
        return assertThatThrownBy(settings::run).isInstanceOfSatisfying(InvalidRunOption.class, e -> {
            assertThat(e.option()).isEqualTo(option);
            assertThat(e.given()).isEqualTo(given);
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).isEqualTo(option + (given == null ? "" : " " + given) + ": " + problem);
        });
    }

    private static List<SourceEndpoint> endpoints(String... given) {
        return RunSettings.endpoints("m", Arrays.asList(given), Map.of());
    }

    @Test
    void givenSourcesAreSortedByNameAndReplaceTheConfiguredOnes() {
        List<SourceEndpoint> sources = RunSettings.endpoints("m", List.of("us-1=http://us.example:8080/base", "eu-1= https://eu.example "),
                Map.of("ap-1", "http://ap.example"));
        assertThat(sources).extracting(SourceEndpoint::toString)
                .containsExactly("eu-1=https://eu.example", "us-1=http://us.example:8080/base");

        assertThat(RunSettings.endpoints("m", List.of(), Map.of("b", "http://b.example", "a", "http://a.example")))
                .extracting(SourceEndpoint::name).containsExactly("a", "b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "s1                  | 's1' is not NAME=URL",
            "=http://h.example   | '=http://h.example' is not NAME=URL",
            "s 1=http://h.example| source name 's 1' may only contain letters, digits, '.', '_' and '-'",
            "s/1=http://h.example| source name 's/1' may only contain letters, digits, '.', '_' and '-'",
            "s1=ftp://h.example  | source s1: 'ftp://h.example' is not an http(s) URL with a host",
            "s1=http://          | source s1: 'http://' is not a URL",
            "s1=h.example        | source s1: 'h.example' is not an http(s) URL with a host",
            "s1=                 | source s1: '' is not an http(s) URL with a host",
            "s1=http://h.example/a b | source s1: 'http://h.example/a b' is not a URL",
            "s1=http://h.example:99999/ | source s1: 'http://h.example:99999/' has port 99999, not 1 to 65535",
            "s1=http://h.example:0/ | source s1: 'http://h.example:0/' has port 0, not 1 to 65535",
            "s1=http://h.example/api?token=t | source s1: 'http://h.example/api?token=t' has a query or a fragment; "
                    + "give the base URL that /v1/... is appended to",
            "s1=http://h.example/api#top | source s1: 'http://h.example/api#top' has a query or a fragment; "
                    + "give the base URL that /v1/... is appended to" })
    void aMalformedSourceIsRefusedNamingItAndWhatIsWrong(String given, String problem) {
        refused(() -> endpoints("ok=http://ok.example", given), RunSettings.SOURCES, given, problem);
    }

    @Test
    void aSourceGivenTwiceIsRefusedNamingTheSecond() {
        refused(() -> endpoints("s1=http://a.example", "s2=http://b.example", "s1=http://c.example"), RunSettings.SOURCES,
                "s1=http://c.example", "source s1 is given twice");
    }

    @Test
    void noSourceGivenNorConfiguredIsRefusedNamingTheMigrationsProperty() {
        refused(() -> RunSettings.endpoints("billing-v3", List.of(), Map.of()), RunSettings.SOURCES, null,
                "no sources given, and none configured (" + ConfiguredSources.property("billing-v3") + ")")
                .hasMessageContaining("billing-v3");
    }

    @ParameterizedTest
    @ValueSource(ints = { Integer.MIN_VALUE, -1, 0, 65, 1000 })
    void aConcurrencyOutOfRangeIsRefusedNamingIt(int concurrency) {
        refused(() -> RunSettings.settings(ONE, concurrency, List.of(), null, null), RunSettings.CONCURRENCY,
                Integer.toString(concurrency), "must be between 1 and 64");
    }

    @Test
    void theBoundsOfTheConcurrencyAreAllowed() {
        assertThat(RunSettings.settings(ONE, 1, List.of(), null, null).concurrency()).isEqualTo(1);
        assertThat(RunSettings.settings(ONE, 64, List.of(), null, null).concurrency()).isEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(strings = { "invalid_cron", "INVALID-CRON", "", " ", "_CODE", "1CODE", "INVALID CRON", "ÉCHEC" })
    void aMisspelledAcceptedCodeIsRefusedNamingIt(String code) {
        refused(() -> RunSettings.settings(ONE, 4, List.of("DUPLICATE_ID", code), null, null), RunSettings.ACCEPT, code,
                "not an anomaly code (upper-case letters and '_')");
    }

    @Test
    void aMissingAcceptedCodeIsRefusedToo() {
        List<String> accept = new ArrayList<>();
        accept.add(null);
        refused(() -> RunSettings.settings(ONE, 4, accept, null, null), RunSettings.ACCEPT, "null",
                "not an anomaly code (upper-case letters and '_')");
    }

    @Test
    void acceptedCodesAreTrimmed() {
        assertThat(RunSettings.settings(ONE, 4, List.of(" INVALID_CRON", "DUPLICATE_ID "), null, null).accept())
                .containsExactly("INVALID_CRON", "DUPLICATE_ID");
    }

    @Test
    void anAcceptedCodeTheMigrationNeverRaisesIsRefusedNamingItAndListingTheKnownOnes() {
        TreeSet<String> known = new TreeSet<>(List.of("DUPLICATE_ID", "INVALID_CRON"));
        refused(() -> RunSettings.acceptedCodes("m", List.of("INVALID_CRON", "INVALID_CORN"), known), RunSettings.ACCEPT,
                "INVALID_CORN", "not an anomaly code of m; known: DUPLICATE_ID, INVALID_CRON");
        refused(() -> RunSettings.acceptedCodes("m", List.of("A_CODE", " B_CODE", "A_CODE"), known), RunSettings.ACCEPT,
                "A_CODE,B_CODE", "not anomaly codes of m; known: DUPLICATE_ID, INVALID_CRON");
        RunSettings.acceptedCodes("m", List.of(" INVALID_CRON "), known);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "sha256:", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
            "sha1:0123456789abcdef0123456789abcdef01234567",
            " sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" })
    void aMalformedReviewedDigestIsRefusedNamingIt(String digest) {
        refused(() -> RunSettings.settings(ONE, 4, List.of(), digest, null), RunSettings.PLAN_DIGEST, digest,
                "must be sha256: and 64 lower-case hex digits");
    }

    @Test
    void aWellFormedDigestOrNoneIsKept() {
        assertThat(RunSettings.settings(ONE, 4, List.of(), DIGEST, null).planDigest()).isEqualTo(DIGEST);
        assertThat(RunSettings.settings(ONE, 4, List.of(), null, null).planDigest()).isNull();
    }

    @Test
    void aReportFileThatCannotBeWrittenIsRefusedBeforeTheRun() throws Exception {
        refused(() -> RunSettings.settings(ONE, 4, List.of(), null, dir), RunSettings.OUT, dir.toString(), "is a directory");

        Path missing = dir.resolve("missing").resolve("plan.json");
        refused(() -> RunSettings.settings(ONE, 4, List.of(), null, missing), RunSettings.OUT, missing.toString(),
                "directory " + missing.getParent() + " does not exist");

        Path file = Files.writeString(dir.resolve("file"), "x");
        Path underAFile = file.resolve("plan.json");
        refused(() -> RunSettings.settings(ONE, 4, List.of(), null, underAFile), RunSettings.OUT, underAFile.toString(),
                file + " is not a directory");
    }

    @Test
    void aWritableReportFileIsKeptAbsolute() throws Exception {
        Path fresh = dir.resolve("plan.json");
        assertThat(RunSettings.settings(ONE, 4, List.of(), null, fresh).out()).isEqualTo(fresh.toAbsolutePath().toString());
        Path existing = Files.writeString(dir.resolve("old.json"), "{}");
        assertThat(RunSettings.settings(ONE, 4, List.of(), null, existing).out()).isEqualTo(existing.toString());
        assertThat(RunSettings.settings(ONE, 4, List.of(), null, Path.of("relative.json")).out())
                .isEqualTo(Path.of("relative.json").toAbsolutePath().toString());
    }

    @Test
    void validOptionsBecomeTheSettingsAsGiven() {
        RunSettingsStore.Settings settings = RunSettings.settings(endpoints("b=http://b.example", "a=http://a.example"), 7,
                List.of("INVALID_CRON"), DIGEST, null);
        assertThat(settings).isEqualTo(new RunSettingsStore.Settings(List.of(SourceEndpoint.of("a", "http://a.example"),
                SourceEndpoint.of("b", "http://b.example")), 7, List.of("INVALID_CRON"), DIGEST, null));
        assertThat(settings.demo()).isFalse();
        assertThat(settings.withDemoSources().demo()).isTrue();
    }

    @Test
    void aRunWithoutAModeParameterIsADryRun() {
        assertThat(RunParameters.mode(null)).isEqualTo(RunParameters.DRY_RUN);
        assertThat(RunParameters.mode(new Properties())).isEqualTo(RunParameters.DRY_RUN);
        Properties apply = new Properties();
        apply.setProperty(RunParameters.MODE, RunParameters.APPLY);
        assertThat(RunParameters.mode(apply)).isEqualTo(RunParameters.APPLY);
    }
}
