package dev.cutover.framework.source.server;

import static dev.cutover.framework.source.server.LegacySourceServer.CHANGES_PATH;
import static dev.cutover.framework.source.server.LegacySourceServer.DEFAULT_LIMIT;
import static dev.cutover.framework.source.server.LegacySourceServer.MAX_LIMIT;
import static dev.cutover.framework.source.server.LegacySourceServer.RULES_PATH;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.toolkit.LegacyJson;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Serves one request of a {@link LegacySourceServer}, with the faults armed when it arrived. */
final class SourceRequestHandler implements Handler<HttpServerRequest> {

    // items are served as deep as a test builds them (Jackson writes at most 1000 levels by default);
    // writing a tree recurses, so some thousands of levels are the practical bound
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(LegacyJson.MAX_NESTING_DEPTH).build())
            .build()).build();
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final String APPLICATION_JSON = "application/json";

    private final Vertx vertx;
    private final String name;
    private final LegacySourceData data;
    private final int maxPageSize;
    private final SourceFaults faults;
    private final InFlightGauge gauge;
    private final CursorCodec cursors = new CursorCodec();

    SourceRequestHandler(Vertx vertx, String name, LegacySourceData data, int maxPageSize, SourceFaults faults,
            InFlightGauge gauge) {
        this.vertx = vertx;
        this.name = name;
        this.data = data;
        this.maxPageSize = maxPageSize;
        this.faults = faults;
        this.gauge = gauge;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Exchange exchange = new Exchange(request);
        gauge.enter();
        // a client that gives up must not stay counted in flight until a delay ends
        request.response().closeHandler(closed -> exchange.release());
        ArmedFaults.Decision decision = faults.arrive(request.path(), request.getParam("cursor") != null, request.uri());
        if (decision.delayMillis() > 0) {
            // a timer, not a sleep: the event loop keeps serving other requests meanwhile
            vertx.setTimer(decision.delayMillis(), timer -> answer(request, decision, exchange));
        } else {
            answer(request, decision, exchange);
        }
    }

    private void answer(HttpServerRequest request, ArmedFaults.Decision decision, Exchange exchange) {
        try {
            if (decision.trickleMillis() > 0) {
                exchange.trickle(decision.trickleMillis());
            } else if (decision.status() != 0) {
                exchange.header("Retry-After", faults.retryAfter(decision));
                exchange.error(decision.status(), "source " + name + ": " + decision.reason());
            } else if (request.method() != HttpMethod.GET) {
                exchange.header("Allow", "GET");
                exchange.error(405, "only GET is supported");
            } else if (RULES_PATH.equals(request.path())) {
                rules(request, decision, exchange);
            } else if (CHANGES_PATH.equals(request.path())) {
                changes(request, decision, exchange);
            } else {
                exchange.error(404, "no such resource: " + request.path());
            }
        } catch (RuntimeException | JsonProcessingException e) {
            exchange.error(500, "source " + name + " failed: " + e);
        }
    }

    private void rules(HttpServerRequest request, ArmedFaults.Decision decision, Exchange exchange)
            throws JsonProcessingException {
        String limitParam = request.getParam("limit");
        long limit = DEFAULT_LIMIT;
        if (limitParam != null) {
            limit = DIGITS.matcher(limitParam).matches() ? Long.parseLong(limitParam) : 0;
            if (limit < 1 || limit > MAX_LIMIT) {
                exchange.error(400, "limit must be an integer from 1 to " + MAX_LIMIT + ", got '" + limitParam + "'");
                return;
            }
        }
        String cursor = request.getParam("cursor");
        int offset = 0;
        if (cursor != null) {
            Optional<Integer> decoded = cursors.decode(cursor);
            if (decoded.isEmpty()) {
                exchange.error(400, "unknown cursor '" + cursor + "'");
                return;
            }
            offset = decoded.get();
        }
        LegacySourceData.Page page = data.page(offset, (int) Math.min(limit, maxPageSize));
        ObjectNode body = JSON.createObjectNode();
        body.put("source", name);
        body.putArray("items").addAll(page.items());
        body.put("next_cursor", decision.repeatCursor() ? cursor
                : page.nextOffset() < 0 ? null : cursors.encode(page.nextOffset()));
        body.put("total", page.total());
        body.put("watermark", page.watermark());
        if (!badBody(decision, body, exchange)) {
            String answer = JSON.writeValueAsString(decision.rewrite() == null ? body : decision.rewrite().apply(body));
            faults.pageServed();
            exchange.ok(decision.rewriteText() == null ? answer : decision.rewriteText().apply(answer), decision.closeMidBody());
        }
    }

    private void changes(HttpServerRequest request, ArmedFaults.Decision decision, Exchange exchange)
            throws JsonProcessingException {
        String since = request.getParam("since");
        if (since == null || !DIGITS.matcher(since).matches()) {
            exchange.error(400, "since must be a watermark (a non-negative integer), got "
                    + (since == null ? "none" : "'" + since + "'"));
            return;
        }
        LegacySourceData.Changes changes = data.changes(Long.parseLong(since));
        ObjectNode body = JSON.createObjectNode();
        body.putArray("items").addAll(changes.items());
        body.put("watermark", changes.watermark());
        if (!badBody(decision, body, exchange)) {
            String answer = JSON.writeValueAsString(body);
            exchange.ok(decision.rewriteText() == null ? answer : decision.rewriteText().apply(answer), decision.closeMidBody());
        }
    }

    /** @return whether it answered with the armed bad body instead of {@code body} */
    private boolean badBody(ArmedFaults.Decision decision, ObjectNode body, Exchange exchange)
            throws JsonProcessingException {
        if (decision.badBody() == null) {
            return false;
        }
        switch (decision.badBody()) {
            case NOT_JSON -> exchange.send(200, "text/html", "<html><body><h1>Service maintenance</h1></body></html>");
            case TRUNCATED -> {
                String whole = JSON.writeValueAsString(body);
                exchange.send(200, APPLICATION_JSON, whole.substring(0, whole.length() / 2));
            }
            case WRONG_SHAPE -> exchange.send(200, APPLICATION_JSON,
                    "{\"source\":" + JSON.writeValueAsString(name) + ",\"items\":{\"unexpected\":true},"
                            + "\"next_cursor\":42,\"total\":\"many\",\"watermark\":null}");
            case INVALID_UTF8 -> {
                byte[] whole = JSON.writeValueAsBytes(body);
                // the body starts {"source":" : the byte goes right after that quote, inside the string
                int inString = whole.length > 11 ? 11 : whole.length;
                Buffer broken = Buffer.buffer().appendBytes(whole, 0, inString).appendByte((byte) 0xFF)
                        .appendBytes(whole, inString, whole.length - inString);
                exchange.send(200, APPLICATION_JSON, broken);
            }
        }
        return true;
    }

    /** One response; releases its place in the gauge exactly once, before anything is written. */
    private final class Exchange {
        final HttpServerRequest request;
        final HttpServerResponse response;
        private final AtomicBoolean released = new AtomicBoolean();
        private final Map<String, String> headers = new LinkedHashMap<>();

        Exchange(HttpServerRequest request) {
            this.request = request;
            this.response = request.response();
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                gauge.exit();
            }
        }

        /** Headers now, then a blank every {@code everyMillis} until the client goes away. */
        void trickle(long everyMillis) {
            release();
            response.setChunked(true).setStatusCode(200).putHeader("Content-Type", APPLICATION_JSON).write(" ");
            vertx.setPeriodic(everyMillis, timer -> {
                if (response.closed() || response.ended()) {
                    vertx.cancelTimer(timer);
                } else {
                    response.write(" ");
                }
            });
        }

        void ok(String json, boolean closeMidBody) {
            if (!closeMidBody) {
                send(200, APPLICATION_JSON, json);
                return;
            }
            release();
            if (response.closed() || response.ended()) {
                return;
            }
            Buffer whole = Buffer.buffer(json);
            headers.forEach(response::putHeader);
            // the length promised is the whole body's; half of it comes, then the connection goes
            response.setStatusCode(200).putHeader("Content-Type", APPLICATION_JSON)
                    .putHeader("Content-Length", Integer.toString(whole.length()))
                    .write(whole.slice(0, whole.length() / 2))
                    .onComplete(written -> request.connection().close());
        }

        /** Adds a header to the answer; a {@code null} value adds nothing. */
        void header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
        }

        void error(int status, String message) {
            ObjectNode body = JSON.createObjectNode().put("error", message).put("status", status);
            send(status, APPLICATION_JSON, body.toString());
        }

        void send(int status, String contentType, String body) {
            send(status, contentType, Buffer.buffer(body));
        }

        void send(int status, String contentType, Buffer body) {
            // released before the write, so the client cannot have sent its next request yet
            release();
            if (response.closed() || response.ended()) {
                return;
            }
            headers.forEach(response::putHeader);
            response.setStatusCode(status).putHeader("Content-Type", contentType).end(body);
        }
    }
}
