package dev.cutover.framework.migration;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;

/**
 * What a {@link RecordNormalizer} decided for one legacy record: exactly one of migrated (with at
 * least one target leaf), skipped (a reason code and a detail) or anomaly (a code and a detail).
 * Codes are the migration's own upper-case strings ({@code [A-Z][A-Z_]*}): the report counts them and
 * {@code --accept} names them. Details must be deterministic: they enter the plan digest.
 *
 * @param <L> the migration's target leaf
 */
public final class Normalized<L> {

    /** The three outcomes of a record (DESIGN.md §5). */
    public enum Kind {
        MIGRATED, SKIPPED, ANOMALY
    }

    /** A code, compiled once: each skipped or anomalous record's is checked (all of a source's may be). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]*");

    private final Kind kind;
    private final List<L> leaves;
    private final String code;
    private final String detail;

    private Normalized(Kind kind, List<L> leaves, String code, String detail) {
        this.kind = kind;
        this.leaves = leaves;
        this.code = code;
        this.detail = detail;
    }

    /** @param leaves what the record becomes, at least one; each is grouped on its own */
    public static <L> Normalized<L> migrated(List<L> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a migrated record has at least one leaf");
        }
        return new Normalized<>(Kind.MIGRATED, List.copyOf(leaves), null, null);
    }

    public static <L> Normalized<L> migrated(L leaf) {
        return migrated(List.of(leaf));
    }

    public static <L> Normalized<L> skipped(String reason, String detail) {
        return new Normalized<>(Kind.SKIPPED, List.of(), checked(reason), Objects.requireNonNull(detail));
    }

    public static <L> Normalized<L> anomaly(String code, String detail) {
        return new Normalized<>(Kind.ANOMALY, List.of(), checked(code), Objects.requireNonNull(detail));
    }

    /** @see #anomaly(String, String) */
    public static <L> Normalized<L> anomaly(Enum<?> code, String detail) {
        return anomaly(code.name(), detail);
    }

    /**
     * @return the anomaly of the decisive finding: the first found of the code declared first
     * @throws IllegalStateException when nothing was found (a normalizer bug: a record is never dropped)
     */
    public static <L, C extends Enum<C>> Normalized<L> anomaly(Findings<C> findings) {
        Finding<C> decisive = findings.decisive()
                .orElseThrow(() -> new IllegalStateException("an anomaly needs at least one finding"));
        return anomaly(decisive.code(), decisive.detail());
    }

    private static String checked(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a code: upper-case letters and '_'");
        }
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** @return the leaves of a migrated record; empty otherwise */
    public List<L> leaves() {
        return leaves;
    }

    /** @return the skip reason or the anomaly code; {@code null} when migrated */
    public String code() {
        return code;
    }

    /** @return the detail of a skip or an anomaly; {@code null} when migrated */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return kind == Kind.MIGRATED ? "MIGRATED " + leaves : kind + " " + code + ": " + detail;
    }
}
