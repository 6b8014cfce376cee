package dev.cutover.framework.model;

/**
 * Which model of a migration executes: generation 0 is legacy (no run), generation N > 0 the target
 * model staged by run {@code runId}. Read with {@link ExecutingModelReader#current}; a value, not a
 * handle: it stays what the snapshot that read it showed, whatever switches later.
 */
public record ExecutingModel(String migration, int generation, Long runId, String digest, String entityKind) {

    public static ExecutingModel legacy(String migration) {
        return new ExecutingModel(migration, 0, null, null, null);
    }

    public boolean isLegacy() {
        return generation == 0;
    }
}
