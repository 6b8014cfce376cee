package dev.cutover.framework.source;

import java.util.Optional;
import java.util.function.Function;

/**
 * A successful (2xx) answer of a source: its body, decoded as strict UTF-8, and its headers (some
 * protocols carry the watermark in a header).
 *
 * @param body    the whole body
 * @param headers the first value of a header by its case-insensitive name, or {@code null}
 */
public record SourceAnswer(String body, Function<String, String> headers) {

    public static SourceAnswer of(String body) {
        return new SourceAnswer(body, name -> null);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }
}
