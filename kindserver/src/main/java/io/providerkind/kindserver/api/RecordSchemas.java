package io.providerkind.kindserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.openapi.plugin.DefinitionProcessor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Corrects the generated OpenAPI schemas of the wire records. The annotation processor reads every public
 * no-argument method of a record as a property (so {@code ClusterInfo.withoutKubeconfigs()} and
 * {@code NodeInfo.running()} would appear), while Jackson writes exactly the record components. The SDK's
 * records cannot carry OpenAPI annotations (the SDK has no server dependencies), so the schema is trimmed
 * to the components here, where the document is served.
 */
final class RecordSchemas implements DefinitionProcessor {

    private final Map<String, Set<String>> componentsBySchema;

    RecordSchemas(List<Class<? extends Record>> records) {
        this.componentsBySchema = records.stream()
                .collect(Collectors.toMap(
                        Class::getSimpleName,
                        type -> Arrays.stream(type.getRecordComponents())
                                .map(RecordComponent::getName)
                                .collect(Collectors.toSet())));
    }

    @Override
    public String process(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        componentsBySchema.forEach((schema, components) -> {
            JsonNode node = schemas.path(schema);
            if (node.path("properties") instanceof ObjectNode properties) {
                for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                    if (!components.contains(names.next())) {
                        names.remove();
                    }
                }
            }
            if (node.path("required") instanceof ArrayNode required) {
                for (Iterator<JsonNode> names = required.elements(); names.hasNext(); ) {
                    if (!components.contains(names.next().asText())) {
                        names.remove();
                    }
                }
                if (required.isEmpty()) {
                    ((ObjectNode) node).remove("required");
                }
            }
        });
        return document.toPrettyString();
    }
}
