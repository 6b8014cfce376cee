package dev.cutover.framework.source;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * DESIGN.md §4's legacy source API as a {@link SourceProtocol}: {@code GET /v1/rules?limit=&cursor=}
 * (cursor-paged, each item's id {@code id} and version {@code version}) and
 * {@code GET /v1/changes?since=}. The protocol of the reference migration, and of any migration whose
 * sources speak §4.
 */
public final class RulesApiProtocol implements SourceProtocol {

    /** §4's API whose records are rules (the reference migration's). */
    public static final RulesApiProtocol INSTANCE = new RulesApiProtocol("rule");

    private final String noun;

    private RulesApiProtocol(String noun) {
        this.noun = noun;
    }

    /** @return §4's API whose records messages call {@code noun} (e.g. {@code flag}: "flag f-1 was added") */
    public static RulesApiProtocol naming(String noun) {
        return new RulesApiProtocol(noun);
    }

    @Override
    public SourceRequest page(String cursor, int limit) {
        Map<String, String> query = new HashMap<>();
        query.put("limit", Integer.toString(limit));
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return new SourceRequest("/v1/rules", query);
    }

    @Override
    public SourcePage readPage(String source, String cursor, SourceAnswer answer) {
        // parsed from the text, streaming: a tree of the page would fail it for one item nested too deep
        return RulesPageParser.parse(source, cursor, answer.body());
    }

    @Override
    public SourceRequest changes(long since) {
        return new SourceRequest("/v1/changes", Map.of("since", Long.toString(since)));
    }

    @Override
    public void readChanges(String source, long since, SourceAnswer answer, Consumer<SourceChange> changes) {
        // streamed like the pages: a tree would fail on a number no BigDecimal holds, and keep the last of repeated fields
        RulesChangesParser.parse(source, since, "changes since " + since, answer.body(), changes);
    }

    @Override
    public String recordNoun() {
        return noun;
    }
}
