package dev.cutover.migrations.notifications;

/**
 * The one meaning of "trimmed" in DESIGN.md §5 (tenant, channel, priority strings, recipients):
 * leading and trailing white space as {@link String#strip()} defines it (Unicode-aware, the same
 * definition {@link String#isBlank()} uses). Kept in one place so every rule trims alike.
 */
final class Text {

    private Text() {
    }

    static String trim(String value) {
        return value.strip();
    }
}
