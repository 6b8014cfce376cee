package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a message quotes of a source's text stays short, on one line and storable. */
class ExcerptTest {

    @Test
    void shortTextIsQuotedWhole() {
        assertThat(Excerpt.of("<html>\n  <body>down</body>", 120)).isEqualTo("'<html> <body>down</body>'");
    }

    @Test
    void longTextIsCutAndItsLengthSaid() {
        String cursor = "c".repeat(100_000);
        String excerpt = Excerpt.of(cursor, 40);
        assertThat(excerpt).isEqualTo("'" + "c".repeat(40) + "...' (100000 characters)");
    }

    @Test
    void aNulCharacterIsEscapedBecausePostgresqlCannotStoreIt() {
        assertThat(Excerpt.of("ac\u0000me", 40)).isEqualTo("'ac\\u0000me'").doesNotContain("\u0000");
        assertThat(Excerpt.bare("ac\u0000me", 40)).isEqualTo("ac\\u0000me");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(39) + "🚀" + "b".repeat(10);
        assertThat(Excerpt.bare(text, 40)).isEqualTo("a".repeat(39) + "...");
    }
}
