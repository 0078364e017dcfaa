package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A Crossplane field path made of plain object keys ({@code spec.forProvider.manifest.spec.source.repoURL}).
 * Paths with array indices or bracketed keys are refused rather than misread: the examples do not use them.
 */
record FieldPath(List<String> segments) {

    static FieldPath parse(String path) {
        if (path == null || path.isBlank() || path.contains("[") || path.contains("]")) {
            throw new IllegalArgumentException("unsupported field path '" + path + "': only dotted object keys");
        }
        return new FieldPath(List.of(path.split("\\.")));
    }

    Optional<JsonNode> read(JsonNode from) {
        JsonNode node = from;
        for (String segment : segments) {
            node = node.path(segment);
        }
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    void write(ObjectNode to, JsonNode value) {
        ObjectNode node = to;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            JsonNode child = node.get(segment);
            node = child instanceof ObjectNode object ? object : node.putObject(segment);
        }
        node.set(segments.get(segments.size() - 1), value.deepCopy());
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
