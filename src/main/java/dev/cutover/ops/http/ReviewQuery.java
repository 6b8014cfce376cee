package dev.cutover.ops.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.cutover.framework.plan.ModelChanges;
import dev.cutover.framework.plan.OutcomePages;

/**
 * Where a reviewer is on the HTML plan report: each paged section (changes, entities, records) has its
 * page and filters in the query string, so every view is a link that can be shared, and paging one
 * section keeps the others where they are. Builds those links ({@code ?format=html&...}, relative to the
 * report's own path) and the hidden fields that carry the other sections through a filter form.
 *
 * @param size rows per page of every section
 */
public record ReviewQuery(int size, int changePage, ModelChanges.Change change, int entityPage, String entityText,
        int recordPage, OutcomePages.Kind recordKind, String recordCode, String recordText) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    /** A query parameter that a form carries unchanged. */
    public record Field(String name, String value) {
    }

    /** @throws ApiException (400) naming a parameter that is not a number in range or not a known kind */
    public static ReviewQuery from(MultivaluedMap<String, String> parameters) {
        return new ReviewQuery(number(parameters, "size", DEFAULT_SIZE, 1, MAX_SIZE),
                number(parameters, "changePage", 1, 1, Integer.MAX_VALUE), kind(parameters, "change", ModelChanges.Change.class),
                number(parameters, "entityPage", 1, 1, Integer.MAX_VALUE), text(parameters, "entity"),
                number(parameters, "recordPage", 1, 1, Integer.MAX_VALUE), kind(parameters, "kind", OutcomePages.Kind.class),
                text(parameters, "code"), text(parameters, "record"));
    }

    /** @return the change shown only, for the form ({@code null}: all) */
    public String changeName() {
        return change == null ? null : change.name();
    }

    /** @return the record kind shown only, for the form ({@code null}: both) */
    public String kindName() {
        return recordKind == null ? null : recordKind.name();
    }

    /** @return the link to page {@code page} of the changes, the other sections unchanged */
    public String changesHref(long page) {
        return href(withPage("changePage", page), "changes");
    }

    public String entitiesHref(long page) {
        return href(withPage("entityPage", page), "entities");
    }

    public String recordsHref(long page) {
        return href(withPage("recordPage", page), "records");
    }

    /** @return the fields a section's filter form must carry so that the other sections stay where they are */
    public List<Field> hiddenFor(String section) {
        Map<String, String> all = parameters();
        List<String> own = switch (section) {
            case "changes" -> List.of("changePage", "change");
            case "entities" -> List.of("entityPage", "entity");
            case "records" -> List.of("recordPage", "kind", "code", "record");
            default -> throw new IllegalArgumentException("no section " + section);
        };
        return all.entrySet().stream().filter(e -> !own.contains(e.getKey())).map(e -> new Field(e.getKey(), e.getValue()))
                .toList();
    }

    /** The query as parameters, defaults left out ({@code format=html} first). */
    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("format", "html");
        if (size != DEFAULT_SIZE) {
            p.put("size", Integer.toString(size));
        }
        put(p, "changePage", changePage == 1 ? null : Integer.toString(changePage));
        put(p, "change", change == null ? null : change.name());
        put(p, "entityPage", entityPage == 1 ? null : Integer.toString(entityPage));
        put(p, "entity", entityText);
        put(p, "recordPage", recordPage == 1 ? null : Integer.toString(recordPage));
        put(p, "kind", recordKind == null ? null : recordKind.name());
        put(p, "code", recordCode);
        put(p, "record", recordText);
        return p;
    }

    private Map<String, String> withPage(String name, long page) {
        Map<String, String> p = parameters();
        if (page == 1) {
            p.remove(name);
        } else {
            p.put(name, Long.toString(page));
        }
        return p;
    }

    private static String href(Map<String, String> parameters, String anchor) {
        return "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "#" + anchor;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parameters.put(name, value);
        }
    }

    private static int number(MultivaluedMap<String, String> parameters, String name, int otherwise, int min, int max) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name, name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static <E extends Enum<E>> E kind(MultivaluedMap<String, String> parameters, String name, Class<E> type) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + " is one of " + List.of(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    private static String text(MultivaluedMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? null : ApiException.storableText(name, value.strip());
    }
}
