package dev.cutover.migrations.ratelimits.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.cutover.framework.source.SourceAnswer;
import dev.cutover.framework.source.SourceItem;
import dev.cutover.framework.source.SourcePage;
import dev.cutover.framework.source.SourceRequest;
import dev.cutover.migrations.ratelimits.source.KvProtocol;

/** A plain HTTP client of {@link KvSourceServer} for unit tests: what the framework's transport does, without retries. */
public final class KvClient {

    // HTTP/1.1, as the KV sources speak and the other test clients use: with the default (HTTP/2), the client asks the
    // Vert.x server for an h2c upgrade, and one such request hung past its 10 s timeout in a full test run
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private KvClient() {
    }

    public static HttpResponse<String> get(String baseUrl, SourceRequest request) throws IOException, InterruptedException {
        String query = request.query().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + request.path() + "?" + query)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static SourceAnswer answer(HttpResponse<String> response) {
        return new SourceAnswer(response.body(), name -> response.headers().firstValue(name).orElse(null));
    }

    public static SourcePage page(String region, String baseUrl, String cursor, int limit) throws IOException, InterruptedException {
        HttpResponse<String> response = get(baseUrl, KvProtocol.INSTANCE.page(cursor, limit));
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode() + ": " + response.body());
        }
        return KvProtocol.INSTANCE.readPage(region, cursor, answer(response));
    }

    /** @return every listed entry of the region, page after page */
    public static List<SourceItem> listAll(String region, String baseUrl) throws IOException, InterruptedException {
        List<SourceItem> items = new ArrayList<>();
        String cursor = null;
        do {
            SourcePage page = page(region, baseUrl, cursor, 1000);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return items;
    }

    public static Map<String, List<SourceItem>> listAll(DemoRegions regions) throws IOException, InterruptedException {
        Map<String, List<SourceItem>> all = new java.util.TreeMap<>();
        for (var endpoint : regions.endpoints()) {
            all.put(endpoint.name(), listAll(endpoint.name(), endpoint.baseUrl().toString()));
        }
        return all;
    }
}
