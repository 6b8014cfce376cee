package dev.cutover.framework.source;

import java.util.Map;
import java.util.TreeMap;

/**
 * One GET request to a source, relative to its base URL.
 *
 * @param path  the path below the base URL, e.g. {@code /v1/rules}
 * @param query the query parameters (sorted by name; values are encoded by the transport)
 */
public record SourceRequest(String path, Map<String, String> query) {

    public SourceRequest {
        query = new TreeMap<>(query);
    }

    /** @return the request as logs and failures name it, e.g. {@code /v1/kv?limit=100&offset=0} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            text.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = '&';
        }
        return text.toString();
    }
}
