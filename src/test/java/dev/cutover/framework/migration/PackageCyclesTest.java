package dev.cutover.framework.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No package of {@code src/main/java} depends, directly or through others, on itself: the import
 * graph between packages is acyclic, so every package can be read, tested and changed from the
 * bottom up. A dependency is an {@code import} (static or not) of a {@code dev.cutover.} type or a
 * fully-qualified {@code dev.cutover.} name anywhere in the text (code, Javadoc links, comments):
 * a {@code {@link}} to a higher package is written as plain {@code {@code}} text instead.
 */
class PackageCyclesTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.cutover\\.[\\w.]+)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(dev\\.cutover(?:\\.[a-z_][\\w]*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        List<String> cycles = stronglyConnectedComponents(graph).stream().filter(c -> c.size() > 1)
                .map(c -> describe(c, graph)).toList();
        assertThat(cycles).as("package cycles in %s", MAIN).isEmpty();
    }

    @Test
    void theGraphIsReadFromTheSources() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).containsKey("dev.cutover.framework.migration");
        assertThat(graph.values().stream().mapToInt(Set::size).sum()).isGreaterThan(20);
    }

    /** @return each package of {@code dev.cutover} with the other {@code dev.cutover} packages it names */
    private static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("dev").resolve("cutover"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = MAIN.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
                String text = read(f);
                Set<String> targets = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    targets.add(packageOf(imports.group(1)));
                }
                Matcher names = QUALIFIED.matcher(text);
                while (names.find()) {
                    targets.add(names.group(1));
                }
                targets.remove(pkg);
            });
        }
        return graph;
    }

    /** @return the segments of a qualified name before its first capitalized one (the type) */
    private static String packageOf(String qualifiedName) {
        List<String> segments = new ArrayList<>();
        for (String segment : qualifiedName.split("\\.")) {
            if (Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }

    /** Tarjan's algorithm, iterative enough for a graph of a few dozen packages. */
    private static List<Set<String>> stronglyConnectedComponents(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> components) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, components);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }

    private static String describe(Set<String> component, Map<String, Set<String>> graph) {
        StringBuilder text = new StringBuilder(component.toString());
        for (String from : component) {
            for (String to : graph.getOrDefault(from, Set.of())) {
                if (component.contains(to)) {
                    text.append("\n    ").append(from).append(" -> ").append(to);
                }
            }
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
