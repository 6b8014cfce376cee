package dev.cutover.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.RunSettingsStore.Settings;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.framework.toolkit.ShellWords;

/** The apply command a plan report carries: the run's sources or {@code --demo}, its codes, the digest, quoted for a shell. */
class ApplyCommandLineTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void commandNamesEverySourceTheAcceptedCodesSortedAndTheDigest() {
        Settings settings = new Settings(List.of(SourceEndpoint.of("eu-1", "http://rules.eu.example:8080/"),
                SourceEndpoint.of("us-1", "https://rules.us.example/v2/")), 4, List.of("INVALID_CRON", "DUPLICATE_ID"), null, null);
        assertThat(ApplyCommandLine.of("notification-rules-v2", settings, DIGEST)).isEqualTo("cutover apply notification-rules-v2 "
                + "--source eu-1=http://rules.eu.example:8080/ --source us-1=https://rules.us.example/v2/ "
                + "--accept DUPLICATE_ID,INVALID_CRON --plan-digest " + DIGEST);
    }

    @Test
    void demoRunSaysDemoInsteadOfItsLoopbackSourcesAndKeepsAConcurrencyOtherThanTheDefault() {
        Settings settings = new Settings(List.of(SourceEndpoint.of("eu-1", "http://127.0.0.1:40001/")), 8, List.of(), null, null,
                true);
        assertThat(ApplyCommandLine.of("rate-limits-v2", settings, DIGEST))
                .isEqualTo("cutover apply rate-limits-v2 --demo --concurrency 8 --plan-digest " + DIGEST);
    }

    @Test
    void sourceUrlWithShellCharactersIsSingleQuoted() {
        Settings settings = new Settings(List.of(SourceEndpoint.of("eu-1", "http://rules.example/a&b='c'/")), 4, List.of(),
                null, null);
        assertThat(ApplyCommandLine.of("m", settings, DIGEST))
                .contains(" --source 'eu-1=http://rules.example/a&b='\\''c'\\''/' --plan-digest");
    }

    @Test
    void shellWordsLeaveSafeWordsAloneAndQuoteTheRest() {
        assertThat(ShellWords.join(List.of("a-b_c.d/e:f=g,h@i%j+k", "", "two words", "$HOME", "~x", "it's")))
                .isEqualTo("a-b_c.d/e:f=g,h@i%j+k '' 'two words' '$HOME' '~x' 'it'\\''s'");
    }
}
