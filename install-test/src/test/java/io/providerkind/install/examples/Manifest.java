package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** One YAML document of an example file: what a user would `kubectl apply`. */
record Manifest(Path file, int index, ObjectNode body) {

    String apiVersion() {
        return body.path("apiVersion").asText();
    }

    String kind() {
        return body.path("kind").asText();
    }

    String name() {
        return body.path("metadata").path("name").asText();
    }

    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    boolean is(String group, String kind) {
        return group().equals(group) && kind().equals(kind);
    }

    /** e.g. {@code edfbuilder/composition.yaml#0 Composition edfbuilders.edfbuilder.crossplane.io}. */
    String describe(Path base) {
        return base.relativize(file) + "#" + index + " " + kind() + " " + name();
    }
}
