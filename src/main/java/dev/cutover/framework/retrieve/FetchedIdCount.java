package dev.cutover.framework.retrieve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.toolkit.LegacyJson;

/**
 * The distinct ids of one source fetched so far in a run: the unit of the source's total, which its
 * progress is measured in. A source lists an id more than once (superseded and identical copies), on any
 * page, so each page's ids are recorded with the run ({@link NewIds}, the {@code fetched_id} table, in
 * the chunk's transaction) and those not recorded before are the page's new ones. Nothing but the page
 * is held in memory (a set of every id seen held about 150 MB of a 256 MB heap at 1M records).
 * <p>
 * An id counts by its {@link #key}. Restart: the count goes on from the one stored with the source's
 * last stored page, and the ids recorded with the pages stored before.
 */
final class FetchedIdCount {

    /** Records keys with the run's fetched ids of the source. */
    @FunctionalInterface
    interface NewIds {
        /** @return how many of these keys were not recorded before */
        int record(Set<String> keys);
    }

    private final NewIds newIds;
    private long count;

    /** @param atOpen the count stored with the source's last stored page (0 when none is stored) */
    FetchedIdCount(long atOpen, NewIds newIds) {
        this.count = atOpen;
        this.newIds = newIds;
    }

    /** @return the distinct ids fetched up to and including this page, whose ids it records */
    long add(List<SourceItem> items) {
        Set<String> keys = new LinkedHashSet<>();
        for (SourceItem item : items) {
            String key = key(item);
            if (key != null) {
                keys.add(key);
            }
        }
        if (!keys.isEmpty()) {
            count += newIds.record(keys);
        }
        return count;
    }

    long count() {
        return count;
    }

    /**
     * @return the record key of a usable id ({@code i:} or {@code d:}, bounded), {@code n:} + the
     *         JSON-escaped id of one that holds U+0000 ({@code m:} + its SHA-256 when longer than
     *         {@link RecordKey#bounded} spells: keys are indexed), or {@code null} when the item has no id
     *         that its source counts
     */
    static String key(SourceItem item) {
        if (item.id() != null) {
            return RecordKey.of(item.id(), null);
        }
        if (item.listedId() == null) {
            return null;
        }
        return RecordKey.bounded(LegacyJson.escaped(item.listedId()), "n:", "m:");
    }
}
