package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether a field path names a field an openAPIV3Schema declares (or leaves open). */
final class SchemaPaths {

    private SchemaPaths() {}

    static boolean declares(JsonNode schema, FieldPath path) {
        JsonNode node = schema;
        for (String segment : path.segments()) {
            if (node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                return true;
            }
            if (FieldPath.isIndex(segment)) {
                node = node.path("items");
                continue;
            }
            JsonNode next = node.path("properties").path(segment);
            if (next.isMissingNode()) {
                return segment.equals("metadata")
                        || node.path("additionalProperties").isObject();
            }
            node = next;
        }
        return true;
    }
}
