package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a composition's resources for one composite resource the way Crossplane's patch-and-transform
 * does (function-patch-and-transform's Resources input, and v1's spec.resources, which has the same shape),
 * for the patches the examples use: PatchSet, FromCompositeFieldPath with string Format transforms, and
 * ToCompositeFieldPath (kept for schema checks, since it writes the composite, not the resource). Anything
 * else is refused, so a new kind of patch cannot slip past the checks unread.
 */
final class PatchAndTransform {

    /** One composed resource as the pipeline would ask Crossplane to apply it. */
    record Composed(String name, ObjectNode resource, List<ToComposite> toComposite) {
        String apiVersion() {
            return resource.path("apiVersion").asText();
        }

        String kind() {
            return resource.path("kind").asText();
        }

        String resourceName() {
            return resource.path("metadata").path("name").asText();
        }
    }

    /** A patch from the composed resource back to the composite. */
    record ToComposite(FieldPath from, FieldPath to) {}

    private PatchAndTransform() {}

    /** @param resources an object with {@code resources} and optional {@code patchSets} */
    static List<Composed> render(JsonNode resources, JsonNode composite) {
        Map<String, JsonNode> patchSets = new HashMap<>();
        resources
                .path("patchSets")
                .forEach(set -> patchSets.put(set.path("name").asText(), set.path("patches")));
        List<Composed> composed = new ArrayList<>();
        for (JsonNode template : resources.path("resources")) {
            composed.add(renderOne(template, composite, patchSets));
        }
        return composed;
    }

    private static Composed renderOne(JsonNode template, JsonNode composite, Map<String, JsonNode> patchSets) {
        String name = template.path("name").asText();
        ObjectNode resource = template.path("base").deepCopy();
        List<ToComposite> toComposite = new ArrayList<>();
        for (JsonNode patch : expand(template.path("patches"), patchSets, name)) {
            String type = patch.path("type").asText("FromCompositeFieldPath");
            FieldPath from = FieldPath.parse(patch.path("fromFieldPath").asText(null));
            FieldPath to = FieldPath.parse(patch.path("toFieldPath").asText(from.toString()));
            switch (type) {
                case "FromCompositeFieldPath" ->
                    from.read(composite)
                            .ifPresent(value -> to.write(resource, transform(value, patch.path("transforms"), name)));
                case "ToCompositeFieldPath" -> {
                    // not applied (it writes the composite), but its transforms must be ones this renderer knows
                    transform(TextNode.valueOf(""), patch.path("transforms"), name);
                    toComposite.add(new ToComposite(from, to));
                }
                default ->
                    throw new IllegalArgumentException(
                            "resource " + name + ": patch type " + type + " is not checked by this renderer");
            }
        }
        JsonNode namespace = composite.path("metadata").path("namespace");
        if (namespace.isTextual() && !resource.path("metadata").hasNonNull("namespace")) {
            // Crossplane v2 composes a namespaced composite's resources into its namespace
            resource.withObject("/metadata").set("namespace", namespace);
        }
        if (!resource.path("metadata").hasNonNull("name")) {
            // Crossplane generates a name from the composite's; any stable one serves for validation.
            resource.withObject("/metadata")
                    .put("name", composite.path("metadata").path("name").asText() + "-" + name);
        }
        return new Composed(name, resource, List.copyOf(toComposite));
    }

    private static List<JsonNode> expand(JsonNode patches, Map<String, JsonNode> patchSets, String resource) {
        List<JsonNode> expanded = new ArrayList<>();
        for (JsonNode patch : patches) {
            if ("PatchSet".equals(patch.path("type").asText())) {
                String setName = patch.path("patchSetName").asText();
                JsonNode set = patchSets.get(setName);
                if (set == null) {
                    throw new IllegalArgumentException("resource " + resource + ": no patch set named " + setName);
                }
                set.forEach(expanded::add);
            } else {
                expanded.add(patch);
            }
        }
        return expanded;
    }

    private static JsonNode transform(JsonNode value, JsonNode transforms, String resource) {
        JsonNode result = value;
        for (JsonNode transform : transforms) {
            boolean format = "string".equals(transform.path("type").asText())
                    && "Format".equals(transform.path("string").path("type").asText());
            if (!format) {
                throw new IllegalArgumentException(
                        "resource " + resource + ": transform " + transform + " is not checked by this renderer");
            }
            // Go's %s and Java's %s agree for strings, the only values the examples format.
            result = TextNode.valueOf(
                    String.format(transform.path("string").path("fmt").asText(), result.asText()));
        }
        return result;
    }
}
