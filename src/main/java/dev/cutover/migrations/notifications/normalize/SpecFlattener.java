package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.Finding;
import dev.cutover.framework.toolkit.Findings;
import dev.cutover.framework.toolkit.JsonDescriptions;
import dev.cutover.framework.toolkit.LegacyText;
import dev.cutover.framework.toolkit.NodePath;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Flattens a legacy spec (DESIGN.md §5 rule 5) to its {@code simple} nodes: {@code wrapped} is
 * unwrapped, {@code bundle} contributes its items' leaves, in spec order (depth-first, items in array
 * order). Structural problems are added to the findings, and the walk goes on past them (also inside
 * wrappers that are too deep) so that the record's code is the first of all its problems:
 * <ul>
 * <li>a node that is not an object, a {@code kind}, {@code label} or {@code items} of the wrong JSON
 * type, an unknown {@code kind}: {@code MALFORMED_RECORD};</li>
 * <li>a missing {@code kind}, {@code inner} or {@code items}: {@code MISSING_FIELD};</li>
 * <li>a simple node under more than {@value #MAX_WRAPPERS} {@code wrapped} nodes:
 * {@code WRAPPER_TOO_DEEP};</li>
 * <li>a bundle with no simple node anywhere below it: {@code EMPTY_BUNDLE}.</li>
 * </ul>
 * The walk is iterative, so a deeply nested spec cannot overflow the stack.
 */
final class SpecFlattener {

    /** Most {@code wrapped} nodes allowed on the path from the spec to one of its leaves. */
    static final int MAX_WRAPPERS = 16;

    /** A {@code simple} node of the spec, where it is (for details), in spec order. */
    record SimpleNode(JsonNode node, NodePath path) {
    }

    /** A bundle met in the walk; {@code enclosing} is the nearest bundle above it, if any. */
    private static final class Bundle {
        final NodePath path;
        final Bundle enclosing;
        boolean hasLeaf;

        Bundle(NodePath path, Bundle enclosing) {
            this.path = path;
            this.enclosing = enclosing;
        }
    }

    private record Pending(JsonNode node, NodePath path, int wrappers, Bundle bundle) {
    }

    private SpecFlattener() {
    }

    /** @return the spec's simple nodes in spec order (valid or not: their fields are checked elsewhere) */
    static List<SimpleNode> flatten(JsonNode spec, NodePath path, Findings<AnomalyCode> findings) {
        List<SimpleNode> leaves = new ArrayList<>();
        List<Bundle> bundles = new ArrayList<>();
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(spec, path, 0, null));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            visit(next, pending, leaves, bundles, findings);
        }
        for (Bundle bundle : bundles) {
            if (!bundle.hasLeaf) {
                findings.add(Finding.invalid(AnomalyCode.EMPTY_BUNDLE, bundle.path, "bundle has no simple leaf"));
            }
        }
        return leaves;
    }

    private static void visit(Pending at, Deque<Pending> pending, List<SimpleNode> leaves, List<Bundle> bundles,
            Findings<AnomalyCode> findings) {
        JsonNode node = at.node();
        if (!node.isObject()) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, at.path(), "an object", node));
            return;
        }
        JsonNode kind = Fields.present(node, "kind");
        if (kind == null) {
            findings.add(Finding.missing(AnomalyCode.MISSING_FIELD, at.path().field("kind")));
            return;
        }
        if (!LegacyText.isString(kind)) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, at.path().field("kind"), "a string", kind));
            return;
        }
        switch (kind.textValue()) {
            case "simple" -> simple(at, leaves, findings);
            case "wrapped" -> wrapped(at, pending, findings);
            case "bundle" -> bundle(at, pending, bundles, findings);
            default -> findings.add(Finding.invalid(AnomalyCode.MALFORMED_RECORD, at.path().field("kind"),
                    JsonDescriptions.value(kind) + " is not simple, wrapped or bundle"));
        }
    }

    private static void simple(Pending at, List<SimpleNode> leaves, Findings<AnomalyCode> findings) {
        leaves.add(new SimpleNode(at.node(), at.path()));
        // each bundle needs only one leaf; stop at the first one already known to have one
        for (Bundle b = at.bundle(); b != null && !b.hasLeaf; b = b.enclosing) {
            b.hasLeaf = true;
        }
        if (at.wrappers() > MAX_WRAPPERS) {
            findings.add(Finding.invalid(AnomalyCode.WRAPPER_TOO_DEEP, at.path(),
                    at.wrappers() + " wrapped levels above this leaf, at most " + MAX_WRAPPERS));
        }
    }

    private static void wrapped(Pending at, Deque<Pending> pending, Findings<AnomalyCode> findings) {
        JsonNode label = Fields.present(at.node(), "label");
        if (label != null && !LegacyText.isString(label)) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, at.path().field("label"), "a string", label));
        }
        NodePath innerPath = at.path().field("inner");
        JsonNode inner = Fields.present(at.node(), "inner");
        if (inner == null) {
            findings.add(Finding.missing(AnomalyCode.MISSING_FIELD, innerPath));
            return;
        }
        pending.push(new Pending(inner, innerPath, at.wrappers() + 1, at.bundle()));
    }

    private static void bundle(Pending at, Deque<Pending> pending, List<Bundle> bundles, Findings<AnomalyCode> findings) {
        NodePath itemsPath = at.path().field("items");
        JsonNode items = Fields.present(at.node(), "items");
        if (items == null) {
            findings.add(Finding.missing(AnomalyCode.MISSING_FIELD, itemsPath));
            return;
        }
        if (!items.isArray()) {
            findings.add(Finding.wrongType(AnomalyCode.MALFORMED_RECORD, itemsPath, "an array", items));
            return;
        }
        Bundle bundle = new Bundle(at.path(), at.bundle());
        bundles.add(bundle);
        // pushed last item first so the first item is visited first: leaves come out in spec order
        for (int i = items.size() - 1; i >= 0; i--) {
            pending.push(new Pending(items.get(i), itemsPath.index(i), at.wrappers(), bundle));
        }
    }
}
