package dev.cutover.framework.model;

/**
 * One legacy record that a run's normalization migrated: what a live executor executes while legacy
 * does (generation 0), since the retrieved records of the latest completed retrieval stand in for the
 * legacy system. Immutable once its run has a plan report.
 *
 * @param source the source's name
 * @param id     the record's id in its source; {@code null} for an item without a usable id
 * @param index  the item's 0-based position in the source's listing; {@code null} when not recorded
 * @param target what the migration's normalizer made of the record, as JSON text
 */
public record MigratedRecord(String source, String id, Integer index, String target) {

    /** @return {@code source/id}, or {@code source/#index} without an id: how reports name a record */
    public String name() {
        return source + "/" + (id != null ? id : "#" + index);
    }
}
