package dev.cutover.migrations.notifications;

import java.util.Optional;

/**
 * Collects the problems of one record and keeps the one that decides its code: the first found of
 * the code that comes first in {@link AnomalyCode}'s order. Keeping the first found (rather than the
 * last) ties the detail to the deterministic walk order of the record, so re-runs say the same thing.
 * Not thread-safe; one instance per record.
 */
final class Findings {

    private Finding decisive;

    void add(Finding finding) {
        if (decisive == null || finding.code().precedes(decisive.code())) {
            decisive = finding;
        }
    }

    boolean isEmpty() {
        return decisive == null;
    }

    Optional<Finding> decisive() {
        return Optional.ofNullable(decisive);
    }
}
