package dev.cutover.migrations.notifications.normalize;

/**
 * The record anomaly codes of DESIGN.md §5, declared in the order that decides a record's one code:
 * when several apply, the one with the lowest {@link #ordinal()} is reported. The constant names are
 * the exact strings of the contract ({@link #name()}).
 */
public enum AnomalyCode {
    MALFORMED_RECORD,
    MISSING_FIELD,
    UNKNOWN_CHANNEL,
    PRIORITY_OUT_OF_RANGE,
    INVALID_CRON,
    UNKNOWN_TIMEZONE,
    NO_RECIPIENTS,
    INVALID_RECIPIENT,
    WRAPPER_TOO_DEEP,
    EMPTY_BUNDLE,
    DUPLICATE_ID;

    /** @return whether this code wins over {@code other} when both apply to one record */
    public boolean precedes(AnomalyCode other) {
        return ordinal() < other.ordinal();
    }
}
