package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CRD Crossplane derives from a CompositeResourceDefinition for its composite resources: the XRD's
 * schema plus the fields Crossplane adds (composition selection, resource references, conditions). An
 * apiextensions.crossplane.io/v1 XRD makes a legacy cluster-scoped composite (those fields sit directly
 * under spec, with claim and connection Secret references); a v2 XRD puts them under spec.crossplane and
 * takes its scope from spec.scope. Close enough to Crossplane's own derivation to validate the fields
 * a user writes in an instance.
 */
final class XrdCrds {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private XrdCrds() {}

    static ObjectNode derive(JsonNode xrd) {
        JsonNode spec = xrd.path("spec");
        boolean legacy = xrd.path("apiVersion").asText().endsWith("/v1")
                || "LegacyCluster".equals(spec.path("scope").asText());
        ObjectNode crd = JSON.objectNode();
        crd.put("apiVersion", "apiextensions.k8s.io/v1").put("kind", "CustomResourceDefinition");
        crd.putObject("metadata")
                .put(
                        "name",
                        spec.path("names").path("plural").asText() + "."
                                + spec.path("group").asText());
        ObjectNode crdSpec = crd.putObject("spec");
        crdSpec.put("group", spec.path("group").asText());
        ObjectNode names = crdSpec.putObject("names");
        names.setAll((ObjectNode) spec.path("names").deepCopy());
        ArrayNode categories = names.withArray("categories");
        categories.add("composite");
        crdSpec.put(
                "scope",
                legacy ? "Cluster" : spec.path("scope").asText("Namespaced").replace("LegacyCluster", "Cluster"));
        ArrayNode versions = crdSpec.putArray("versions");
        for (JsonNode version : spec.path("versions")) {
            versions.add(version(version, legacy));
        }
        return crd;
    }

    private static ObjectNode version(JsonNode version, boolean legacy) {
        ObjectNode out = JSON.objectNode();
        out.put("name", version.path("name").asText());
        out.put("served", version.path("served").asBoolean());
        out.put("storage", version.path("referenceable").asBoolean());
        out.putObject("subresources").putObject("status");
        if (version.has("additionalPrinterColumns")) {
            out.set(
                    "additionalPrinterColumns",
                    version.get("additionalPrinterColumns").deepCopy());
        }
        JsonNode given = version.path("schema").path("openAPIV3Schema");
        ObjectNode schema = out.putObject("schema").putObject("openAPIV3Schema");
        schema.put("type", "object");
        if (given.has("description")) {
            schema.set("description", given.get("description"));
        }
        schema.putArray("required").add("spec");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("type", "object");
        ObjectNode spec = objectSchema(given.path("properties").path("spec"));
        ObjectNode crossplaneFields = legacy ? spec.withObject("/properties") : crossplaneObject(spec);
        crossplaneFields.setAll(CrossplaneFields.composite());
        if (legacy) {
            crossplaneFields.setAll(CrossplaneFields.legacyComposite());
        }
        properties.set("spec", spec);
        ObjectNode status = objectSchema(given.path("properties").path("status"));
        status.withObject("/properties").setAll(CrossplaneFields.status());
        properties.set("status", status);
        return out;
    }

    private static ObjectNode crossplaneObject(ObjectNode spec) {
        ObjectNode crossplane = spec.withObject("/properties").putObject("crossplane");
        crossplane.put("type", "object");
        return crossplane.putObject("properties");
    }

    private static ObjectNode objectSchema(JsonNode given) {
        ObjectNode schema = given.isObject() ? ((ObjectNode) given).deepCopy() : JSON.objectNode();
        schema.put("type", "object");
        schema.withObject("/properties");
        return schema;
    }
}
