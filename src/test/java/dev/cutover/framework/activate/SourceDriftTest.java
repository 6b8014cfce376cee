package dev.cutover.framework.activate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.source.SourceChange;

/**
 * The drift rule of DESIGN.md §4 without a source or a database: which changes since the baseline are
 * drift against what the run retrieved, how each is named, and how many a source lists.
 */
class SourceDriftTest {

    /** r-1 retrieved at version 3, r-2 at version 2^64 (beyond a long), r-3 with a version that could not be read. */
    private static final Map<String, BigDecimal> RETRIEVED = retrieved();

    private static Map<String, BigDecimal> retrieved() {
        Map<String, BigDecimal> versions = new HashMap<>();
        versions.put("r-1", BigDecimal.valueOf(3));
        versions.put("r-2", new BigDecimal(BigInteger.TWO.pow(64)));
        versions.put("r-3", null);
        return versions;
    }

    private static String why(SourceChange change) {
        return SourceDrift.why(change, RETRIEVED, "rule");
    }

    private static SourceChange changed(String id, long version) {
        return new SourceChange(id, BigInteger.valueOf(version), false);
    }

    @Test
    void aHigherVersionThanTheOneRetrievedIsDrift() {
        assertThat(why(changed("r-1", 4))).isEqualTo("rule r-1 changed (version 3 -> 4)");
        assertThat(why(new SourceChange("r-2", BigInteger.TWO.pow(64).add(BigInteger.ONE), false)))
                .isEqualTo("rule r-2 changed (version 18446744073709551616 -> 18446744073709551617)");
    }

    @Test
    void aVersionTheRetrievalHadAlreadySeenIsNotDrift() {
        // changed after the baseline but before its page was read: the retrieval has this version
        assertThat(why(changed("r-1", 3))).isNull();
        assertThat(why(changed("r-1", 2))).isNull();
        assertThat(why(new SourceChange("r-2", BigInteger.TWO.pow(64), false))).isNull();
    }

    @Test
    void aVersionMissingOnEitherSideIsDrift() {
        assertThat(why(new SourceChange("r-1", null, false))).isEqualTo("rule r-1 changed (version 3 -> ?)");
        assertThat(why(changed("r-3", 1))).isEqualTo("rule r-3 changed (version ? -> 1)");
    }

    @Test
    void aRecordThatWasNotRetrievedIsDriftUnlessItIsGoneAgain() {
        assertThat(why(changed("r-9", 1))).isEqualTo("rule r-9 was added");
        assertThat(why(new SourceChange("r-9", null, true))).as("added and deleted after the baseline").isNull();
    }

    @Test
    void aRetrievedRecordDeletedIsDrift() {
        assertThat(why(new SourceChange("r-1", null, true))).isEqualTo("rule r-1 was deleted");
        assertThat(why(new SourceChange("r-3", BigInteger.ONE, true))).isEqualTo("rule r-3 was deleted");
    }

    @Test
    void aChangedItemWithoutAUsableIdIsDrift() {
        assertThat(why(new SourceChange(null, BigInteger.ONE, false))).isEqualTo("a changed item without a usable id");
        assertThat(why(new SourceChange(null, null, true))).isEqualTo("a changed item without a usable id");
    }

    @Test
    void idsAreComparedExactly() {
        assertThat(why(changed("R-1", 1))).isEqualTo("rule R-1 was added");
        assertThat(why(changed("r-1 ", 1))).isEqualTo("rule r-1  was added");
    }

    @Test
    void theRecordNounIsTheMigrations() {
        assertThat(SourceDrift.why(changed("k/1", 1), Map.of(), "key")).isEqualTo("key k/1 was added");
    }

    @Test
    void aSourceNamesEachDriftedRecordUpToTenAndCountsTheOthers() {
        SourceDrift drift = new SourceDrift("eu-1", ids -> RETRIEVED, "rule");
        drift.accept(changed("r-1", 3));
        assertThat(drift.lines()).as("nothing drifted").isEmpty();
        for (int i = 0; i < 25; i++) {
            drift.accept(changed("n-" + i, 1));
            drift.accept(changed("r-1", 1));
        }
        List<String> lines = drift.lines();
        assertThat(lines).hasSize(SourceDrift.MAX_LISTED + 1);
        assertThat(lines.get(0)).isEqualTo("eu-1: rule n-0 was added");
        assertThat(lines.get(9)).isEqualTo("eu-1: rule n-9 was added");
        assertThat(lines.get(10)).isEqualTo("eu-1: and 15 more changed rule(s)");
    }

    @Test
    void exactlyTenDriftedRecordsAreAllNamedWithoutACount() {
        SourceDrift drift = new SourceDrift("eu-1", ids -> RETRIEVED, "rule");
        for (int i = 0; i < 10; i++) {
            drift.accept(changed("n-" + i, 1));
        }
        assertThat(drift.lines()).hasSize(10).allMatch(line -> line.startsWith("eu-1: rule n-"));
    }
    @Test
    void whatWasRetrievedIsAskedForTheChangedIdsOnlyABatchAtATime() {
        // a source of millions of records must not be held to compare a few changes
        List<Set<String>> asked = new ArrayList<>();
        SourceDrift drift = new SourceDrift("eu-1", ids -> {
            asked.add(Set.copyOf(ids));
            Map<String, BigDecimal> found = new HashMap<>();
            ids.stream().filter(id -> id.startsWith("r-")).forEach(id -> found.put(id, BigDecimal.valueOf(5)));
            return found;
        }, "rule");
        int changes = 2 * SourceDrift.BATCH + 500;
        int added = 0;
        for (int i = 0; i < changes; i++) {
            // every third a retrieved record at its version (no drift), the others added since retrieval
            drift.accept(i % 3 == 0 ? changed("r-" + i, 5) : changed("n-" + i, 1));
            added += i % 3 == 0 ? 0 : 1;
        }
        drift.accept(new SourceChange(null, BigInteger.ONE, false));
        List<String> lines = drift.lines();

        assertThat(asked).extracting(Set::size).containsExactly(SourceDrift.BATCH, SourceDrift.BATCH, 500);
        assertThat(asked.stream().mapToInt(Set::size).sum()).isEqualTo(changes);
        assertThat(lines.get(0)).isEqualTo("eu-1: rule n-1 was added");
        assertThat(lines.get(SourceDrift.MAX_LISTED))
                .isEqualTo("eu-1: and " + (added + 1 - SourceDrift.MAX_LISTED) + " more changed rule(s)");
    }

    @Test
    void changesWithoutAnIdAskNothing() {
        SourceDrift drift = new SourceDrift("eu-1", ids -> {
            throw new AssertionError("asked for " + ids);
        }, "rule");
        drift.accept(new SourceChange(null, BigInteger.ONE, false));
        assertThat(drift.lines()).containsExactly("eu-1: a changed item without a usable id");
        assertThat(new SourceDrift("eu-1", ids -> {
            throw new AssertionError("asked for " + ids);
        }, "rule").lines()).isEmpty();
    }

    @Test
    void anIdHoldingControlCharactersOrOfAnyLengthIsShownNotPrinted() {
        // printed raw, an id forged an output line ("activated: ...") and a 1 MB id made a 1 MB line
        assertThat(why(changed("x\u001b[2K\r\nactivated: generation 9", 1)))
                .isEqualTo("rule \"x\\u001B[2K\\r\\nactivated: generation 9\" was added");
        assertThat(why(changed("k".repeat(1_000_000), 1))).isEqualTo("rule \"" + "k".repeat(59) + "... was added");
        assertThat(why(changed("orders/%2Fv1%2Fitems", 1))).isEqualTo("rule orders/%2Fv1%2Fitems was added");
    }
}
