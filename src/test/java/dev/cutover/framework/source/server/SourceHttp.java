package dev.cutover.framework.source.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The plain HTTP client of the source tests: GET a URL, read the answer as text or JSON. */
public final class SourceHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SourceHttp() {
    }

    public static HttpResponse<String> get(String url) {
        return get(url, Duration.ofSeconds(10));
    }

    /** @throws java.net.http.HttpTimeoutException (wrapped in an unchecked one) when it takes longer */
    public static HttpResponse<String> get(String url, Duration timeout) {
        try {
            return CLIENT.send(request(url, timeout), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static CompletableFuture<HttpResponse<String>> getAsync(String url) {
        return CLIENT.sendAsync(request(url, Duration.ofSeconds(20)), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code url}, expects a {@code 200} and returns its JSON body. */
    public static JsonNode getJson(String url) {
        HttpResponse<String> response = get(url);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest request(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    }
}
