package dev.cutover.framework.toolkit;

import java.util.Optional;

/**
 * Collects the problems of one legacy record and keeps the one that decides its code: the first found
 * of the code declared first in the migration's enum (lowest ordinal). Keeping the first found (rather
 * than the last) ties the detail to the deterministic walk order of the record, so a re-run or a
 * restarted normalize step says the same thing. Not thread-safe; one instance per record.
 *
 * @param <C> the migration's anomaly codes, declared in precedence order
 */
public final class Findings<C extends Enum<C>> {

    private Finding<C> decisive;

    public void add(Finding<C> finding) {
        if (decisive == null || finding.code().ordinal() < decisive.code().ordinal()) {
            decisive = finding;
        }
    }

    public void add(C code, String detail) {
        add(new Finding<>(code, detail));
    }

    public boolean isEmpty() {
        return decisive == null;
    }

    public Optional<Finding<C>> decisive() {
        return Optional.ofNullable(decisive);
    }
}
