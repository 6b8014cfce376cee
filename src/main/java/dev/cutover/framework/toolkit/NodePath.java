package dev.cutover.framework.toolkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The JSON path of a node inside a legacy record, as anomaly details show it, e.g.
 * {@code spec.items[1].inner.channel}. Immutable: children share their parent, so walking a deep spec
 * costs one small object per node rather than one string copy per node.
 */
public final class NodePath {

    /** Runs of the same segment longer than this are shown once with a count, to keep details short. */
    private static final int LONGEST_SPELLED_RUN = 3;

    private final NodePath parent;
    private final String segment;

    private NodePath(NodePath parent, String segment) {
        this.parent = parent;
        this.segment = segment;
    }

    /** @return a top-level field of the record, e.g. {@code spec} or {@code tenant} */
    public static NodePath root(String field) {
        return new NodePath(null, field);
    }

    public NodePath field(String name) {
        return new NodePath(this, "." + name);
    }

    public NodePath index(int index) {
        return new NodePath(this, "[" + index + "]");
    }

    /**
     * Renders the path; a run such as 17 nested {@code .inner} reads {@code (.inner)*17} because a
     * wrapper chain that is too deep would otherwise make a detail hundreds of characters long.
     */
    @Override
    public String toString() {
        List<String> segments = new ArrayList<>();
        for (NodePath p = this; p != null; p = p.parent) {
            segments.add(p.segment);
        }
        Collections.reverse(segments);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < segments.size()) {
            String segment = segments.get(i);
            int run = 1;
            while (i + run < segments.size() && segments.get(i + run).equals(segment)) {
                run++;
            }
            if (run > LONGEST_SPELLED_RUN) {
                out.append('(').append(segment).append(")*").append(run);
            } else {
                out.append(segment.repeat(run));
            }
            i += run;
        }
        return out.toString();
    }
}
