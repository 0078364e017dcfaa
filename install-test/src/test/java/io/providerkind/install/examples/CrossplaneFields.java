package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The schema of the fields Crossplane adds to every composite resource it defines from an XRD. */
final class CrossplaneFields {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CrossplaneFields() {}

    /** Composition selection and composed resource references (v2: under spec.crossplane). */
    static ObjectNode composite() {
        ObjectNode fields = JSON.objectNode();
        fields.set("compositionRef", reference());
        fields.set("compositionRevisionRef", reference());
        fields.set("compositionSelector", selector());
        fields.set("compositionRevisionSelector", selector());
        ObjectNode policy = fields.putObject("compositionUpdatePolicy").put("type", "string");
        policy.putArray("enum").add("Automatic").add("Manual");
        ObjectNode refs = fields.putObject("resourceRefs").put("type", "array");
        ObjectNode ref = refs.putObject("items").put("type", "object");
        ObjectNode refProperties = ref.putObject("properties");
        for (String key : new String[] {"apiVersion", "kind", "name", "namespace"}) {
            refProperties.putObject(key).put("type", "string");
        }
        ref.putArray("required").add("apiVersion").add("kind");
        return fields;
    }

    /** What v1 (legacy) composites also have under spec: their claim and connection Secret. */
    static ObjectNode legacyComposite() {
        ObjectNode fields = JSON.objectNode();
        ObjectNode claimRef = fields.putObject("claimRef").put("type", "object");
        ObjectNode claimProperties = claimRef.putObject("properties");
        for (String key : new String[] {"apiVersion", "kind", "name", "namespace"}) {
            claimProperties.putObject(key).put("type", "string");
        }
        ObjectNode secretRef = fields.putObject("writeConnectionSecretToRef").put("type", "object");
        ObjectNode secretProperties = secretRef.putObject("properties");
        secretProperties.putObject("name").put("type", "string");
        secretProperties.putObject("namespace").put("type", "string");
        secretRef.putArray("required").add("name").add("namespace");
        return fields;
    }

    static ObjectNode status() {
        ObjectNode fields = JSON.objectNode();
        ObjectNode conditions = fields.putObject("conditions").put("type", "array");
        ObjectNode condition = conditions.putObject("items").put("type", "object");
        condition.put("x-kubernetes-preserve-unknown-fields", true);
        fields.putObject("connectionDetails").put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        return fields;
    }

    private static ObjectNode reference() {
        ObjectNode reference = JSON.objectNode().put("type", "object");
        reference.putObject("properties").putObject("name").put("type", "string");
        reference.putArray("required").add("name");
        return reference;
    }

    private static ObjectNode selector() {
        ObjectNode selector = JSON.objectNode().put("type", "object");
        ObjectNode matchLabels =
                selector.putObject("properties").putObject("matchLabels").put("type", "object");
        matchLabels.putObject("additionalProperties").put("type", "string");
        selector.putArray("required").add("matchLabels");
        return selector;
    }
}
