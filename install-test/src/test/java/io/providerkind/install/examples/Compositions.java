package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Where a composition keeps its patch-and-transform resources, in either mode. */
final class Compositions {

    private Compositions() {}

    /** v1's spec (resources directly under it) or each function-patch-and-transform step's input. */
    static List<JsonNode> resources(JsonNode composition) {
        JsonNode spec = composition.path("spec");
        if (spec.has("resources")) {
            return List.of(spec);
        }
        List<JsonNode> inputs = new ArrayList<>();
        for (JsonNode step : spec.path("pipeline")) {
            if (step.path("input").path("apiVersion").asText().startsWith("pt.fn.crossplane.io/")) {
                inputs.add(step.path("input"));
            }
        }
        return inputs;
    }
}
