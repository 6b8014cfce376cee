package dev.cutover.framework.activate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cutover.framework.source.SourceChange;
import dev.cutover.framework.toolkit.JsonDescriptions;

/**
 * The drift rule of DESIGN.md §4 for one source, without I/O: each change the source reports since the
 * baseline is compared with what this run retrieved. Drift is a changed item without a usable id, a
 * retrieved record deleted, a record that was not retrieved, or a version higher than the one
 * retrieved (or a version missing on either side). A change the retrieval had already seen (the same
 * version or an older one) and the deletion of a record that was never retrieved are not drift.
 * {@link DriftCheck} feeds it the source's changes; it keeps at most {@value #MAX_LISTED} lines and
 * counts the rest. What was retrieved is asked for the changed ids only, {@value #BATCH} changes at a
 * time, never for every record of the source.
 */
final class SourceDrift {

    /** How many drifted records a source lists by name; the others are counted. */
    static final int MAX_LISTED = 10;

    /** How many changes are compared at once: one question to {@link Retrieved} each. */
    static final int BATCH = 1000;

    /** What the run retrieved of the source. */
    @FunctionalInterface
    interface Retrieved {

        /**
         * @return of {@code ids}, those retrieved in this run, each with the version read then ({@code null}
         *         when none could be read); it may hold other ids too
         */
        Map<String, BigDecimal> versionsOf(Collection<String> ids);
    }

    private final String source;
    private final Retrieved retrieved;
    private final String noun;
    private final List<String> listed = new ArrayList<>();
    private final List<SourceChange> pending = new ArrayList<>();
    private long drifted;

    /** @param noun what the migration calls a record ({@code rule}, {@code key}) */
    SourceDrift(String source, Retrieved retrieved, String noun) {
        this.source = source;
        this.retrieved = retrieved;
        this.noun = noun;
    }

    /** Compares one change the source reports with what was retrieved, once its batch is full or at {@link #lines}. */
    void accept(SourceChange change) {
        pending.add(change);
        if (pending.size() == BATCH) {
            compare();
        }
    }

    private void compare() {
        Set<String> ids = new LinkedHashSet<>();
        pending.forEach(change -> {
            if (change.id() != null) {
                ids.add(change.id());
            }
        });
        Map<String, BigDecimal> versions = ids.isEmpty() ? Map.of() : retrieved.versionsOf(ids);
        for (SourceChange change : pending) {
            String why = why(change, versions, noun);
            if (why != null && drifted++ < MAX_LISTED) {
                listed.add(source + ": " + why);
            }
        }
        pending.clear();
    }

    /**
     * @return what drifted, one line each, named by source: at most {@value #MAX_LISTED}, then one line
     *         counting the others; empty when nothing did
     */
    List<String> lines() {
        compare();
        List<String> lines = new ArrayList<>(listed);
        if (drifted > MAX_LISTED) {
            lines.add(source + ": and " + (drifted - MAX_LISTED) + " more changed " + noun + "(s)");
        }
        return lines;
    }

    /** @return why this change is drift, or {@code null} when it is not */
    static String why(SourceChange change, Map<String, BigDecimal> retrieved, String noun) {
        String key = change.id();
        if (key == null) {
            return "a changed item without a usable id";
        }
        // a source's id may hold control characters or be megabytes long: shown, never printed raw
        String id = JsonDescriptions.id(key);
        if (change.deleted()) {
            return retrieved.containsKey(key) ? noun + " " + id + " was deleted" : null;
        }
        if (!retrieved.containsKey(key)) {
            return noun + " " + id + " was added";
        }
        BigDecimal seen = retrieved.get(key);
        BigDecimal version = change.version() == null ? null : new BigDecimal(change.version());
        if (version == null || seen == null || version.compareTo(seen) > 0) {
            return noun + " " + id + " changed (version " + (seen == null ? "?" : seen.toPlainString()) + " -> "
                    + (version == null ? "?" : version.toPlainString()) + ")";
        }
        return null;
    }
}
