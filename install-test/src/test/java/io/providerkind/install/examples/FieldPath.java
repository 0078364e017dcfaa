package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Crossplane field path of object keys and array indices ({@code spec.values.ingress.hosts[0].host}); an index is
 * kept as the segment {@code [n]}. Bracketed keys ({@code labels[app.kubernetes.io/name]}) are refused rather than
 * misread: the examples do not use them.
 */
record FieldPath(List<String> segments) {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    static FieldPath parse(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("unsupported field path '" + path + "'");
        }
        List<String> segments = new ArrayList<>();
        for (String part : path.split("\\.")) {
            Matcher matcher = SEGMENT.matcher(part);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(
                        "unsupported field path '" + path + "': only dotted object keys and [n] indices");
            }
            segments.add(matcher.group(1));
            Matcher index = INDEX.matcher(matcher.group(2));
            while (index.find()) {
                segments.add(index.group());
            }
        }
        return new FieldPath(List.copyOf(segments));
    }

    static boolean isIndex(String segment) {
        return segment.startsWith("[");
    }

    static int index(String segment) {
        return Integer.parseInt(segment.substring(1, segment.length() - 1));
    }

    Optional<JsonNode> read(JsonNode from) {
        JsonNode node = from;
        for (String segment : segments) {
            node = isIndex(segment) ? node.path(index(segment)) : node.path(segment);
        }
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    /** Sets the value, making the objects and arrays on the way; an array is padded with nulls up to an index. */
    void write(ObjectNode to, JsonNode value) {
        ContainerNode<?> node = to;
        for (int i = 0; i < segments.size() - 1; i++) {
            boolean nextIsIndex = isIndex(segments.get(i + 1));
            JsonNode child = get(node, segments.get(i));
            if (nextIsIndex ? !(child instanceof ArrayNode) : !(child instanceof ObjectNode)) {
                child = nextIsIndex ? node.arrayNode() : node.objectNode();
                set(node, segments.get(i), child);
            }
            node = (ContainerNode<?>) child;
        }
        set(node, segments.get(segments.size() - 1), value.deepCopy());
    }

    private static JsonNode get(ContainerNode<?> node, String segment) {
        return isIndex(segment) ? node.get(index(segment)) : node.get(segment);
    }

    private static void set(ContainerNode<?> node, String segment, JsonNode value) {
        if (node instanceof ArrayNode array) {
            int index = index(segment);
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else {
            ((ObjectNode) node).set(segment, value);
        }
    }

    @Override
    public String toString() {
        return String.join(".", segments).replace(".[", "[");
    }
}
