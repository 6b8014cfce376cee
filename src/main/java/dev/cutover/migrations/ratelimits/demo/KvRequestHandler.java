package dev.cutover.migrations.ratelimits.demo;

import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.source.server.FaultMix;
import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.migrations.ratelimits.source.KvProtocol;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Answers one request of a {@link KvSourceServer}, with the fault armed (or drawn from the mix) when it
 * arrived, and counts it in the server's {@link InFlightGauge} until just before its answer is written.
 */
final class KvRequestHandler implements Handler<HttpServerRequest> {

    private static final String JSON = "application/json";

    private final Vertx vertx;
    private final KvStore store;
    private final int maxPageSize;
    private final KvFaults faults;
    private final InFlightGauge gauge;

    KvRequestHandler(Vertx vertx, KvStore store, int maxPageSize, KvFaults faults, InFlightGauge gauge) {
        this.vertx = vertx;
        this.store = store;
        this.maxPageSize = maxPageSize;
        this.faults = faults;
        this.gauge = gauge;
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        gauge.enter();
        AtomicBoolean released = new AtomicBoolean();
        Handler<Void> release = done -> {
            if (released.compareAndSet(false, true)) {
                gauge.exit();
            }
        };
        // out of flight just before the headers go (the client cannot have sent its next request yet),
        // or when a client that gave up closes the connection
        response.headersEndHandler(release).closeHandler(release);
        FaultMix mix = faults.mix();
        FaultMix.Draw draw = mix == null ? null : mix.arrive(request.uri());
        if (draw != null && draw.delayMillis() > 0) {
            // a timer, not a sleep: the event loop keeps serving other requests meanwhile
            vertx.setTimer(draw.delayMillis(), timer -> answer(request, mix, draw));
        } else {
            answer(request, mix, draw);
        }
    }

    private void answer(HttpServerRequest request, FaultMix mix, FaultMix.Draw draw) {
        HttpServerResponse response = request.response();
        try {
            if (response.closed()) {
                return;
            }
            if (draw != null && draw.status() != 0) {
                if (draw.throttle() != null) {
                    response.putHeader("Retry-After", mix.retryAfter(draw));
                }
                error(response, draw.status(), "KV store: injected fault (mix)");
            } else if (request.method() != HttpMethod.GET) {
                error(response.putHeader("Allow", "GET"), 405, "only GET is supported");
            } else if (!KvProtocol.PREFIX.equals(request.getParam("prefix"))) {
                error(response, 400, "prefix must be " + KvProtocol.PREFIX);
            } else if (KvProtocol.LIST_PATH.equals(request.path())) {
                list(request, response);
            } else if (KvProtocol.CHANGES_PATH.equals(request.path())) {
                changes(request, response);
            } else {
                error(response, 404, "no such resource: " + request.path());
            }
        } catch (RuntimeException e) {
            error(response, 500, "KV store failed: " + e);
        }
    }

    private void list(HttpServerRequest request, HttpServerResponse response) {
        long offset = number(request.getParam("offset"), 0);
        long limit = number(request.getParam("limit"), 100);
        if (offset < 0 || limit < 1 || limit > KvSourceServer.MAX_LIMIT) {
            error(response, 400, "offset must be a non-negative integer and limit one from 1 to " + KvSourceServer.MAX_LIMIT);
            return;
        }
        KvFaults.Fault fault = faults.next();
        if (fault == KvFaults.Fault.UNAVAILABLE) {
            error(response.putHeader("Retry-After", "0"), 503, "KV store unavailable (armed fault)");
            return;
        }
        KvStore.Page page = store.page(offset, (int) Math.min(limit, maxPageSize));
        // written by hand: the entries are raw text, listed exactly as stored (any depth, any content)
        String body = "{\"entries\":[" + String.join(",", page.entries()) + "],\"total\":" + page.total()
                + ",\"next_offset\":" + (page.nextOffset() < 0 ? "null" : Long.toString(page.nextOffset())) + "}";
        if (fault != KvFaults.Fault.NO_INDEX_HEADER) {
            response.putHeader(KvProtocol.INDEX_HEADER, Long.toString(page.watermark()));
        }
        if (fault == KvFaults.Fault.CLOSE_MID_BODY) {
            Buffer whole = Buffer.buffer(body);
            // the length promised is the whole body's; half of it comes, then the connection goes
            response.setStatusCode(200).putHeader("Content-Type", JSON)
                    .putHeader("Content-Length", Integer.toString(whole.length()))
                    .write(whole.slice(0, whole.length() / 2))
                    .onComplete(written -> request.connection().close());
            return;
        }
        if (fault == KvFaults.Fault.TRUNCATED) {
            body = body.substring(0, body.length() / 2);
        } else {
            faults.pageServed();
        }
        response.setStatusCode(200).putHeader("Content-Type", JSON).end(body);
    }

    private void changes(HttpServerRequest request, HttpServerResponse response) {
        long index = number(request.getParam("index"), -1);
        if (index < 0) {
            error(response, 400, "index must be a non-negative integer");
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var list = body.putArray("changes");
        for (KvStore.Change change : store.changesSince(index)) {
            list.addObject().put("key", change.key()).put("modify_index", change.modifyIndex()).put("deleted", change.deleted());
        }
        response.setStatusCode(200).putHeader("Content-Type", JSON)
                .putHeader(KvProtocol.INDEX_HEADER, Long.toString(store.watermark())).end(body.toString());
    }

    /** @return the parameter as a long, {@code fallback} when absent, -1 when not a small non-negative integer */
    private static long number(String param, long fallback) {
        if (param == null) {
            return fallback;
        }
        return param.matches("[0-9]{1,18}") ? Long.parseLong(param) : -1;
    }

    private static void error(HttpServerResponse response, int status, String message) {
        if (response.ended() || response.closed()) {
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", message).put("status", status);
        response.setStatusCode(status).putHeader("Content-Type", JSON).end(body.toString());
    }
}
