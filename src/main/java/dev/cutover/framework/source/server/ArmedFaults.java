package dev.cutover.framework.source.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.source.server.SourceFaults.BadBody;

/**
 * The faults armed on one test source server, in the order they were armed, and which of them a request
 * gets (the rules of {@link SourceFaults}: a delay, then the first armed status, else a bad body, else a
 * repeated cursor; a fault mix decides a request that no armed fault applies to). Not thread-safe: its
 * {@link SourceFaults} calls it under the server's lock.
 */
final class ArmedFaults {

    enum Kind {
        STATUS, DELAY, BAD_BODY, REPEAT_CURSOR, CLOSE_MID_BODY, TRICKLE, REWRITE, REWRITE_TEXT
    }

    /** One armed fault: what it does, the path it applies to ({@code null}: every path), the requests it has left. */
    static final class Armed {
        final Kind kind;
        final int status;
        final String retryAfter;
        final long delayMillis;
        final BadBody badBody;
        UnaryOperator<JsonNode> rewrite;
        UnaryOperator<String> rewriteText;
        String path;
        int remaining;

        Armed(Kind kind, int times, int status, String retryAfter, long delayMillis, BadBody badBody) {
            this.kind = kind;
            this.remaining = times;
            this.status = status;
            this.retryAfter = retryAfter;
            this.delayMillis = delayMillis;
            this.badBody = badBody;
        }

        Armed forPath(String path) {
            this.path = path;
            return this;
        }
    }

    /**
     * What to do with one request, decided when it arrives: {@code status == 0} means answer normally;
     * {@code reason} says why an error status is answered. When the {@linkplain SourceFaults#mix(FaultMix)
     * mix} decided, {@code mixed} is its draw and {@code mix} the mix that drew it: a 429's
     * {@code Retry-After} is then computed when the answer is sent ({@link SourceFaults#retryAfter(Decision)}),
     * after any delay.
     */
    record Decision(long delayMillis, int status, String retryAfter, String reason, BadBody badBody,
            boolean repeatCursor, boolean closeMidBody, long trickleMillis, UnaryOperator<JsonNode> rewrite,
            UnaryOperator<String> rewriteText, FaultMix mix, FaultMix.Draw mixed) {
    }

    private final List<Armed> armed = new ArrayList<>();

    void add(Armed fault) {
        armed.add(fault);
    }

    void clear() {
        armed.clear();
    }

    /**
     * Decides what a request that just arrived gets, using up one request of each armed fault it gets.
     *
     * @param mix the server's fault mix, {@code null} when none: it draws for a request no armed fault applies to
     */
    Decision decide(String requestPath, boolean hasCursor, FaultMix mix) {
        Armed delay = take(Kind.DELAY, requestPath);
        Armed status = take(Kind.STATUS, requestPath);
        Armed bad = status == null ? take(Kind.BAD_BODY, requestPath) : null;
        boolean repeat = status == null && bad == null && hasCursor
                && LegacySourceServer.RULES_PATH.equals(requestPath)
                && take(Kind.REPEAT_CURSOR, requestPath) != null;
        boolean close = status == null && bad == null && take(Kind.CLOSE_MID_BODY, requestPath) != null;
        Armed trickle = status == null && bad == null ? take(Kind.TRICKLE, requestPath) : null;
        Armed rewrite = status == null && bad == null && LegacySourceServer.RULES_PATH.equals(requestPath)
                ? take(Kind.REWRITE, requestPath) : null;
        Armed rewriteText = status == null && bad == null ? take(Kind.REWRITE_TEXT, requestPath) : null;
        if (mix != null && delay == null && status == null && bad == null && !repeat && !close && trickle == null
                && rewrite == null && rewriteText == null) {
            FaultMix.Draw mixed = mix.draw();
            return new Decision(mixed.delayMillis(), mixed.status(), null, "injected fault (mix)", null, false, false,
                    0, null, null, mix, mixed);
        }
        return new Decision(delay == null ? 0 : delay.delayMillis, status == null ? 0 : status.status,
                status == null ? null : status.retryAfter, "injected fault",
                bad == null ? null : bad.badBody, repeat, close, trickle == null ? 0 : trickle.delayMillis,
                rewrite == null ? null : rewrite.rewrite, rewriteText == null ? null : rewriteText.rewriteText, null, null);
    }

    /** Uses up one request of the first armed fault of that kind for that path, if any. */
    private Armed take(Kind kind, String requestPath) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext();) {
            Armed fault = it.next();
            if (fault.kind == kind && (fault.path == null || fault.path.equals(requestPath))) {
                if (--fault.remaining == 0) {
                    it.remove();
                }
                return fault;
            }
        }
        return null;
    }
}
