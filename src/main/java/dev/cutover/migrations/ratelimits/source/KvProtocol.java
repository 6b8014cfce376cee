package dev.cutover.migrations.ratelimits.source;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.cutover.framework.source.Excerpt;
import dev.cutover.framework.source.SourceAnswer;
import dev.cutover.framework.source.SourceChange;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourcePage;
import dev.cutover.framework.source.SourceProtocol;
import dev.cutover.framework.source.SourceRequest;

/**
 * The offset-paged key/value listing of the regional rate-limit stores (see {@code PROTOCOL.md} in this
 * package): {@code GET /v1/kv?prefix=ratelimits/&offset=N&limit=M} and
 * {@code GET /v1/kv/changes?prefix=ratelimits/&index=W}, the watermark in the {@value #INDEX_HEADER}
 * header. The cursor is the offset as a decimal string, {@code null} for offset 0. Pure and thread-safe.
 */
public final class KvProtocol implements SourceProtocol {

    public static final KvProtocol INSTANCE = new KvProtocol();

    public static final String LIST_PATH = "/v1/kv";
    public static final String CHANGES_PATH = "/v1/kv/changes";
    public static final String PREFIX = "ratelimits/";
    /** The header carrying the store's watermark (its highest modify index). */
    public static final String INDEX_HEADER = "X-Kv-Index";

    private KvProtocol() {
    }

    /** @throws IllegalArgumentException when the cursor is not one this protocol issued (a decimal offset) */
    @Override
    public SourceRequest page(String cursor, int limit) {
        Map<String, String> query = new HashMap<>();
        query.put("prefix", PREFIX);
        query.put("offset", Long.toString(KvPageParser.offset(cursor)));
        query.put("limit", Integer.toString(limit));
        return new SourceRequest(LIST_PATH, query);
    }

    @Override
    public SourcePage readPage(String source, String cursor, SourceAnswer answer) {
        return KvPageParser.parse(source, cursor, answer);
    }

    @Override
    public SourceRequest changes(long since) {
        return new SourceRequest(CHANGES_PATH, Map.of("prefix", PREFIX, "index", Long.toString(since)));
    }

    @Override
    public void readChanges(String source, long since, SourceAnswer answer, Consumer<SourceChange> changes) {
        KvChangesParser.parse(source, since, answer, changes);
    }

    @Override
    public String recordNoun() {
        return "key";
    }

    /**
     * @return the watermark of an answer
     * @throws SourceFailure naming the source and {@code where} when the header is missing or not a non-negative long
     */
    static long watermark(String source, String where, SourceAnswer answer) {
        String header = answer.header(INDEX_HEADER).orElse(null);
        if (header == null) {
            throw new SourceFailure(source, where, "the answer has no " + INDEX_HEADER + " header", null);
        }
        if (!header.matches("[0-9]{1,19}")) {
            throw new SourceFailure(source, where, INDEX_HEADER + " " + Excerpt.of(header, 40) + " is not a non-negative integer", null);
        }
        try {
            return Long.parseLong(header);
        } catch (NumberFormatException e) {
            throw new SourceFailure(source, where, INDEX_HEADER + " " + header + " is beyond a long", e);
        }
    }
}
