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

    /** @throws IllegalArgumentException when the name is not [A-Za-z0-9._-]+ or the URL is not http(s) with a host */
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
        return new SourceEndpoint(name, uri);
    }

    /** @return {@code NAME=URL}, the form {@link #parse} reads */
    @Override
    public String toString() {
        return name + "=" + baseUrl;
    }
}
