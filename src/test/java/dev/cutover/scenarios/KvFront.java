package dev.cutover.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.migrations.ratelimits.demo.KvSourceServer;
import dev.cutover.migrations.ratelimits.source.KvProtocol;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * A faulty front of one real {@link KvSourceServer}, for the scenario corpus: Cutover talks to this
 * front, which forwards every request to the store and answers what the store answered, except for
 * the requests a case's {@code faults} arm, whose answer it breaks the way the fault says (format:
 * {@code scenarios/README.md}, section {@code rate-limits-v2}). Breaking the answers here rather than
 * in the store keeps the store's code the one the demo runs, and lets a case send what no store could
 * write (bytes that are not UTF-8, a next offset of 100,000 digits). Also runs a case's
 * {@code afterPage:N} edits: right after the N-th listing page forwarded unbroken, before it is sent.
 * Listens on loopback with a single-threaded Vert.x of its own. Thread-safe.
 */
final class KvFront implements AutoCloseable {

    /** What a page body from {@code KvRequestHandler} ends with: its total and next offset, rewritable. */
    private static final Pattern TAIL = Pattern.compile(",\"total\":(-?[0-9]+),\"next_offset\":(null|[0-9]+)}$");
    private static final String HTML = "<html><head><title>Maintenance</title></head><body><h1>Back soon</h1></body></html>";
    private static final long TIMEOUT_SECONDS = 30;

    private final String name;
    private final KvSourceServer store;
    private final List<Armed> armed = new ArrayList<>();
    private final List<PageAction> afterPages = new ArrayList<>();
    private Vertx vertx;
    private HttpClient client;
    private String baseUrl;
    private int pagesServed;

    KvFront(String name, KvSourceServer store) {
        this.name = name;
        this.store = store;
    }

    /** @return the front's base URL, what {@code --source} names */
    String start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1));
        var server = vertx.createHttpServer(new HttpServerOptions().setHost(KvSourceServer.HOST).setPort(0))
                .requestHandler(this::handle);
        await(server.listen());
        baseUrl = "http://" + KvSourceServer.HOST + ":" + server.actualPort();
        return baseUrl;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return baseUrl;
    }

    /**
     * Arms one fault of a case for its next {@code times} requests (to {@code path} only, when given),
     * once {@code after} of them (default 0) have passed unbroken.
     *
     * @return how many requests it is armed for
     */
    int arm(JsonNode fault) {
        int times = fault.path("times").asInt(1);
        String kind = fault.path("kind").asText();
        if (!List.of("status", "throttle", "delay", "trickle", "closeMidBody", "badBody", "notAnObject", "body", "field",
                "longCursor", "indexHeader").contains(kind)) {
            throw new IllegalArgumentException("unknown fault kind '" + kind + "' in " + fault);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1 in " + fault);
        }
        synchronized (this) {
            armed.add(new Armed(fault, kind, fault.path("path").asText(null), fault.path("after").asInt(0), times));
        }
        return times;
    }

    /** Runs {@code action} right after the {@code pages}-th listing page is forwarded unbroken, before it is sent. */
    synchronized void afterPages(int pages, Runnable action) {
        afterPages.add(new PageAction(pages, action));
    }

    private synchronized Armed take(String path) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext();) {
            Armed fault = it.next();
            if (fault.path == null || fault.path.equals(path)) {
                if (fault.skip > 0) {
                    // the first requests pass unbroken: a fault of the second page, say
                    fault.skip--;
                    continue;
                }
                if (--fault.remaining == 0) {
                    it.remove();
                }
                return fault;
            }
        }
        return null;
    }

    private void handle(HttpServerRequest request) {
        Armed fault = take(request.path());
        String kind = fault == null ? "" : fault.kind;
        HttpServerResponse response = request.response();
        switch (kind) {
            case "status" -> error(response, fault.spec.path("status").asInt(), "injected fault");
            case "throttle" -> error(response.putHeader("Retry-After", fault.spec.path("retryAfter").asText("1")), 429,
                    "injected throttle");
            case "delay" -> vertx.setTimer(fault.spec.path("millis").asLong(), t -> forward(request, null));
            case "trickle" -> {
                // headers at once, then a blank now and then: never idle, never done
                response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json").write(" ");
                long timer = vertx.setPeriodic(fault.spec.path("millis").asLong(100), t -> {
                    if (!response.closed()) {
                        response.write(" ");
                    }
                });
                response.closeHandler(v -> vertx.cancelTimer(timer));
            }
            default -> forward(request, fault);
        }
    }

    private void forward(HttpServerRequest request, Armed fault) {
        client.request(HttpMethod.GET, Integer.parseInt(store.baseUrl().substring(store.baseUrl().lastIndexOf(':') + 1)),
                KvSourceServer.HOST, request.uri())
                .compose(r -> r.send().compose(answer -> answer.body().map(body -> new Answer(answer.statusCode(),
                        answer.headers(), body))))
                .onSuccess(answer -> answer(request, answer, fault))
                .onFailure(e -> error(request.response(), 502, "front of " + name + ": the store failed: " + e));
    }

    private void answer(HttpServerRequest request, Answer answer, Armed fault) {
        HttpServerResponse response = request.response().setStatusCode(answer.status);
        for (String header : List.of("Content-Type", KvProtocol.INDEX_HEADER, "Retry-After", "Allow")) {
            if (answer.headers.contains(header)) {
                response.putHeader(header, answer.headers.get(header));
            }
        }
        Buffer body = answer.body;
        String kind = fault == null ? "" : fault.kind;
        switch (kind) {
            case "badBody" -> body = badBody(fault.spec.path("body").asText(), body, response);
            case "notAnObject" -> body = Buffer.buffer("[").appendBuffer(body).appendString("]");
            case "body" -> body = Buffer.buffer(fault.spec.path("text").asText());
            case "field" -> body = Buffer.buffer(field(body.toString(StandardCharsets.UTF_8), fault.spec));
            case "longCursor" -> body = Buffer.buffer(field(body.toString(StandardCharsets.UTF_8),
                    ((ObjectNode) fault.spec.deepCopy()).put("field", "next_offset").put("digits", fault.spec.path("chars").asInt())));
            case "indexHeader" -> {
                if (fault.spec.has("value")) {
                    response.putHeader(KvProtocol.INDEX_HEADER, fault.spec.get("value").asText());
                } else {
                    response.headers().remove(KvProtocol.INDEX_HEADER);
                }
            }
            case "closeMidBody" -> {
                // the whole body's length is promised; half of it comes, then the connection goes
                response.putHeader("Content-Length", Integer.toString(body.length())).write(body.slice(0, body.length() / 2))
                        .onComplete(written -> request.connection().close());
                return;
            }
            default -> {
                if (request.path().equals(KvProtocol.LIST_PATH) && answer.status == 200) {
                    pageServed();
                }
            }
        }
        response.end(body);
    }

    /** A listing page forwarded unbroken: the edits waiting for it run now, before it is sent. */
    private void pageServed() {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            pagesServed++;
            for (Iterator<PageAction> it = afterPages.iterator(); it.hasNext();) {
                PageAction action = it.next();
                if (action.afterPage <= pagesServed) {
                    due.add(action.action);
                    it.remove();
                }
            }
        }
        due.forEach(Runnable::run);
    }

    private static Buffer badBody(String what, Buffer body, HttpServerResponse response) {
        return switch (what) {
            case "NOT_JSON" -> {
                response.putHeader("Content-Type", "text/html");
                yield Buffer.buffer(HTML);
            }
            case "TRUNCATED" -> body.slice(0, body.length() / 2);
            case "INVALID_UTF8" -> {
                // one byte 0xFF inside the first string: JSON in shape, not UTF-8 in bytes
                int quote = body.toString(StandardCharsets.ISO_8859_1).indexOf('"');
                yield Buffer.buffer().appendBuffer(body.slice(0, quote + 1)).appendByte((byte) 0xFF)
                        .appendBuffer(body.slice(quote + 1, body.length()));
            }
            default -> throw new IllegalArgumentException("unknown badBody '" + what + "' (NOT_JSON, TRUNCATED, INVALID_UTF8)");
        };
    }

    /**
     * Sets ({@code value}, any JSON; or {@code digits}: a number of that many nines) or removes (neither
     * given) the page's {@code entries}, {@code total} or {@code next_offset}.
     */
    private static String field(String body, JsonNode spec) {
        Matcher tail = TAIL.matcher(body);
        if (!body.startsWith("{\"entries\":") || !tail.find()) {
            throw new IllegalStateException("not a page of KvRequestHandler: " + body.substring(0, Math.min(200, body.length())));
        }
        String entries = body.substring("{\"entries\":".length(), tail.start());
        String total = tail.group(1);
        String next = tail.group(2);
        String field = spec.path("field").asText();
        String value = spec.has("digits") ? "9".repeat(spec.get("digits").asInt()) : spec.has("value") ? spec.get("value").toString() : null;
        switch (field) {
            case "entries" -> entries = value;
            case "total" -> total = value;
            case "next_offset" -> next = value;
            default -> throw new IllegalArgumentException("a page has no field '" + field + "' (entries, total, next_offset)");
        }
        StringBuilder page = new StringBuilder("{");
        String separator = "";
        for (String[] member : new String[][] { { "entries", entries }, { "total", total }, { "next_offset", next } }) {
            if (member[1] != null) {
                page.append(separator).append('"').append(member[0]).append("\":").append(member[1]);
                separator = ",";
            }
        }
        return page.append('}').toString();
    }

    private static void error(HttpServerResponse response, int status, String message) {
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"" + message.replace("\"", "'") + "\",\"status\":" + status + "}");
        }
    }

    /** Stops listening and drops open connections (a trickle or a held request too). Idempotent. */
    @Override
    public synchronized void close() {
        if (vertx != null) {
            Vertx stopping = vertx;
            vertx = null;
            await(stopping.close());
        }
    }

    private void await(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping the front of " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the front of " + name + " could not start or stop", e);
        }
    }

    private record Answer(int status, MultiMap headers, Buffer body) {
    }

    private record PageAction(int afterPage, Runnable action) {
    }

    /** An armed fault: its spec, and how many more requests it breaks (guarded by the front). */
    private static final class Armed {
        final JsonNode spec;
        final String kind;
        final String path;
        int skip;
        int remaining;

        Armed(JsonNode spec, String kind, String path, int skip, int remaining) {
            this.spec = spec;
            this.kind = kind;
            this.path = path;
            this.skip = skip;
            this.remaining = remaining;
        }
    }
}
