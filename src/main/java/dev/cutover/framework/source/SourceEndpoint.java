package dev.cutover.framework.source;

import java.net.URI;
import java.util.Locale;

/**
 * A configured legacy source: the name Cutover knows it by and its base URL.
 *
 * @param name the name given with {@code --source NAME=URL} or {@code cutover.migrations.<migration>.sources.NAME.url}
 * @param baseUrl an absolute http(s) URL with a host
 */
public record SourceEndpoint(String name, URI baseUrl) {

    /**
     * Parses {@code NAME=URL}.
     *
     * @throws IllegalArgumentException naming the argument and what is wrong with it
     */
    public static SourceEndpoint parse(String nameEqualsUrl) {
        int eq = nameEqualsUrl.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + nameEqualsUrl + "' is not NAME=URL");
        }
        return of(nameEqualsUrl.substring(0, eq).trim(), nameEqualsUrl.substring(eq + 1).trim());
    }

    /**
     * @throws IllegalArgumentException when the name is not [A-Za-z0-9._-]+ or the URL is not http(s) with a host,
     *         has a port outside 1..65535, a query or a fragment
     */
    public static SourceEndpoint of(String name, String url) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("source name '" + name + "' may only contain letters, digits, '.', '_' and '-'");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new IllegalArgumentException("source " + name + ": '" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("source " + name + ": '" + url + "' is not an http(s) URL with a host");
        }
        // the URI reads any number as a port, which the HTTP client refuses on every attempt as if the
        // source were down; and a query or fragment would end up before the path the API appends
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("source " + name + ": '" + url + "' has port " + uri.getPort()
                    + ", not 1 to 65535");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("source " + name + ": '" + url + "' has a query or a fragment; give the "
                    + "base URL that /v1/... is appended to");
        }
        return new SourceEndpoint(name, uri);
    }

    /** @return {@code NAME=URL}, the form {@link #parse} reads */
    @Override
    public String toString() {
        return name + "=" + baseUrl;
    }
}
