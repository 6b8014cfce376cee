package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.CodePoints;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.INVALID_RECIPIENT;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MALFORMED_RECORD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.MISSING_FIELD;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.NO_RECIPIENTS;
import static dev.cutover.migrations.notifications.normalize.AnomalyCode.UNKNOWN_CHANNEL;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertAnomaly;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.assertMigratedLeaf;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.normalize;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.rule;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.spec;
import static dev.cutover.migrations.notifications.normalize.RuleFixtures.withRecipients;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.normalize.RecordOutcome;

/** DESIGN.md §5 rule 10: recipients per channel, deduplicated and sorted in code-point order. */
class RuleNormalizationRecipientsTest {

    private static RecordOutcome recipients(String channel, String... recipients) {
        ObjectNode rule = rule("r-1");
        withRecipients(spec(rule), channel, recipients);
        return normalize(rule);
    }

    private static List<String> migratedRecipients(String channel, String... recipients) {
        return assertMigratedLeaf(recipients(channel, recipients)).recipients();
    }

    @Test
    void emptyListIsNoRecipients() {
        assertAnomaly(NO_RECIPIENTS, "spec.recipients: no recipients", recipients("email"));
    }

    @Test
    void missingRecipientsIsMissingFieldAndWrongTypeIsMalformed() {
        ObjectNode missing = rule("r-1");
        spec(missing).remove("recipients");
        assertAnomaly(MISSING_FIELD, "spec.recipients is missing", normalize(missing));
        ObjectNode single = rule("r-1");
        spec(single).put("recipients", "ops@example.com");
        assertAnomaly(MALFORMED_RECORD, normalize(single));
    }

    @Test
    void entryThatIsNotAStringIsMalformedNullIncluded() {
        ObjectNode rule = rule("r-1");
        spec(rule).withArray("recipients").addNull();
        assertAnomaly(MALFORMED_RECORD, "spec.recipients[1]: expected a string, got null", normalize(rule));
        ObjectNode number = rule("r-1");
        spec(number).withArray("recipients").add(12);
        assertAnomaly(MALFORMED_RECORD, normalize(number));
    }

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertEquals(List.of("ops@example.com"), migratedRecipients("email", "  Ops@Example.COM "));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ops", "@example.com", "ops@", "a@b@c", "ops team@example.com", "ops@exa\u00A0mple.com",
            "", "   " })
    void invalidEmailIsInvalidRecipient(String email) {
        assertAnomaly(INVALID_RECIPIENT, recipients("email", "ok@example.com", email));
    }

    @Test
    void invalidRecipientDetailNamesEntryAndChannel() {
        assertAnomaly(INVALID_RECIPIENT, "spec.recipients[0]: \"nobody\" is not a valid email recipient",
                recipients("email", "nobody"));
    }

    @Test
    void smsDropsSpacesDashesAndDots() {
        assertEquals(List.of("+33612345678"), migratedRecipients("sms", "+33 6 12-34.56.78"));
    }

    @Test
    void smsAcceptsEightToFifteenDigits() {
        assertEquals(List.of("+12345678", "+123456789012345"), migratedRecipients("sms", "+12345678", "+123456789012345"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+1234567", "+1234567890123456", "0612345678", "+33(6)12345678", "+33 6 12 34 56 7a",
            "++33612345678", "+\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "+33\t612345678" })
    void invalidSmsIsInvalidRecipient(String number) {
        assertAnomaly(INVALID_RECIPIENT, recipients("sms", number));
    }

    @Test
    void webhookKeptAsTrimmedWithSchemeCaseInsensitive() {
        assertEquals(List.of("HTTPS://Hooks.Example.com/Path?q=1", "http://10.0.0.1:8080/x"),
                migratedRecipients("webhook", " HTTPS://Hooks.Example.com/Path?q=1 ", "http://10.0.0.1:8080/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.com/x", "example.com/hook", "http:///path", "https://", "http://exa mple.com",
            "mailto:ops@example.com", "" })
    void webhookWithoutHttpSchemeOrHostIsInvalidRecipient(String url) {
        assertAnomaly(INVALID_RECIPIENT, recipients("webhook", url));
    }

    @Test
    void pagerKeysAreKeptAsTrimmed() {
        assertEquals(List.of("Team A", "oncall-1"), migratedRecipients("pager", " oncall-1 ", "Team A\t"));
    }

    @Test
    void blankPagerKeyIsInvalidRecipient() {
        assertAnomaly(INVALID_RECIPIENT, recipients("pager", "oncall-1", " \t "));
    }

    @Test
    void recipientsAreDeduplicatedAfterNormalization() {
        assertEquals(List.of("ops@example.com"), migratedRecipients("email", "ops@example.com", " OPS@example.com"));
        assertEquals(List.of("+33612345678"), migratedRecipients("sms", "+33 6 12 34 56 78", "+33612345678"));
    }

    @Test
    void recipientsAreSortedInCodePointOrderNotUtf16Order() {
        String supplementary = "\uD83D\uDE00"; // U+1F600, two UTF-16 units starting at 0xD83D
        String highBmp = "\uFF21"; // U+FF21, one unit above the surrogate range
        assertEquals(List.of("B", "a", highBmp, supplementary), migratedRecipients("pager", supplementary, highBmp, "a", "B"));
    }

    @Test
    void codePointOrderDiffersFromStringCompareToAroundSurrogates() {
        List<String> values = new ArrayList<>(List.of("\uD83D\uDE00", "\uFF21", "ab", "a", ""));
        values.sort(CodePoints.ORDER);
        assertEquals(List.of("", "a", "ab", "\uFF21", "\uD83D\uDE00"), values);
        assertEquals(true, "\uD83D\uDE00".compareTo("\uFF21") < 0, "String.compareTo is UTF-16 order");
    }

    @Test
    void unknownChannelStillDetectsMalformedEntriesButNotChannelValidity() {
        ObjectNode malformed = rule("r-1");
        withRecipients(spec(malformed), "fax", "not an email");
        spec(malformed).withArray("recipients").add(true);
        assertAnomaly(MALFORMED_RECORD, normalize(malformed));
        assertAnomaly(UNKNOWN_CHANNEL, recipients("fax", "not an email"));
    }

    @Test
    void missingChannelIsMissingFieldWhateverTheRecipients() {
        ObjectNode rule = rule("r-1");
        spec(rule).remove("channel");
        withRecipients(spec(rule), "email", "x").remove("channel");
        assertAnomaly(MISSING_FIELD, "spec.channel is missing", normalize(rule));
    }
}
