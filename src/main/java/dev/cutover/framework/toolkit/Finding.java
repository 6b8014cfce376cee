package dev.cutover.framework.toolkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One problem found in a legacy record: the migration's anomaly code and a deterministic, human-readable
 * detail that names the JSON path and what is wrong. The factories keep the wording uniform across
 * migrations.
 *
 * @param <C> the migration's anomaly codes, declared in the order that decides a record's one code
 */
public record Finding<C extends Enum<C>>(C code, String detail) {

    /** @return {@code <path> is missing} */
    public static <C extends Enum<C>> Finding<C> missing(C code, NodePath path) {
        return new Finding<>(code, path + " is missing");
    }

    /**
     * @param expected what the migration reads there, e.g. {@code a string}; when {@code actual} is a
     *                 string refused only for its U+0000 or a lone surrogate ({@link LegacyText#isString}), the detail says so
     * @return {@code <path>: expected <expected>, got <actual described>}
     */
    public static <C extends Enum<C>> Finding<C> wrongType(C code, NodePath path, String expected, JsonNode actual) {
        String wanted = expected;
        if (LegacyText.holdsNul(actual)) {
            wanted += actual.textValue().indexOf('\u0000') >= 0 ? " without U+0000 (NUL)" : " without unpaired surrogates";
        }
        return new Finding<>(code, path + ": expected " + wanted + ", got " + JsonDescriptions.describe(actual));
    }

    /** @return {@code <path>: <what>} */
    public static <C extends Enum<C>> Finding<C> invalid(C code, NodePath path, String what) {
        return new Finding<>(code, path + ": " + what);
    }
}
