package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * CRD files as the 1.20 test API server can take them, with changes that leave every schema's fields,
 * types, enums, patterns and required lists as they are: a CRD that converts through its provider's
 * webhook (provider-kubernetes' Object) gets the None strategy, since no webhook runs here, and empty-string
 * defaults, which a 1.20 server refuses ("must be of type string: null"; newer ones accept them), are left
 * out. Only defaulting could differ, and the checks compare the fields an example sets, not defaults.
 */
final class CrdFiles {

    private CrdFiles() {}

    static List<ObjectNode> load(Path dir) {
        return Manifests.loadAll(dir).stream()
                .filter(m -> m.is("apiextensions.k8s.io", "CustomResourceDefinition"))
                .map(m -> forTestServer(m.body()))
                .toList();
    }

    static ObjectNode forTestServer(ObjectNode crd) {
        ObjectNode copy = crd.deepCopy();
        if ("Webhook"
                .equals(copy.path("spec").path("conversion").path("strategy").asText())) {
            copy.withObject("/spec").putObject("conversion").put("strategy", "None");
        }
        if (copy.path("metadata").path("labels").toString().contains("{{")) {
            // a Helm chart's CRD template (cert-manager's): its labels are filled at install, its schema is final
            copy.withObject("/metadata").remove("labels");
        }
        for (JsonNode version : copy.path("spec").path("versions")) {
            dropEmptyStringDefaults(version.path("schema").path("openAPIV3Schema"));
        }
        return copy;
    }

    private static void dropEmptyStringDefaults(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            JsonNode def = object.get("default");
            if (def != null && def.isTextual() && def.asText().isEmpty()) {
                object.remove("default");
            }
            object.elements().forEachRemaining(CrdFiles::dropEmptyStringDefaults);
        } else if (schema.isArray()) {
            schema.elements().forEachRemaining(CrdFiles::dropEmptyStringDefaults);
        }
    }
}
