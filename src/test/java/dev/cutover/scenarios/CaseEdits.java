package dev.cutover.scenarios;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code edits} of a case, each applied once to its source's data: {@code "when": "afterPage:N"} once N
 * pages of that source were served, {@code "when": "<probe point>"} when the run reaches that point. What an
 * edit does to the data is the migration's ({@link ScenarioMigration}); when it happens is the same for all.
 */
final class CaseEdits {

    private final Consumer<JsonNode> apply;
    private final List<JsonNode> atProbe = new ArrayList<>();

    /** @param apply applies one edit to its source's data */
    CaseEdits(Consumer<JsonNode> apply) {
        this.apply = apply;
    }

    /** @param afterPages arms an action to run once the edit's source served that many pages */
    void schedule(JsonNode edit, BiConsumer<Integer, Runnable> afterPages) {
        String when = edit.path("when").asText();
        if (when.startsWith("afterPage:")) {
            afterPages.accept(Integer.parseInt(when.substring("afterPage:".length())), () -> apply.accept(edit));
        } else if (!when.isEmpty()) {
            synchronized (this) {
                atProbe.add(edit);
            }
        } else {
            throw new IllegalArgumentException("an edit needs a 'when' (afterPage:N or a probe point): " + edit);
        }
    }

    /** Applies the edits waiting for {@code point}, each once. */
    synchronized void reached(String point) {
        for (Iterator<JsonNode> it = atProbe.iterator(); it.hasNext();) {
            JsonNode edit = it.next();
            if (edit.path("when").asText().equals(point)) {
                apply.accept(edit);
                it.remove();
            }
        }
    }
}
