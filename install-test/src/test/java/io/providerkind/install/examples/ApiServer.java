package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real API server as an example checker: installs CRDs, then creates objects with server-side dry run
 * (the schema, enums, patterns and required fields are the server's own) and returns what it would store.
 * Everything travels as untyped JSON so that nothing (an empty default, an unknown field) is lost or
 * added on the way.
 */
final class ApiServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceDefinitionContext CRDS = new ResourceDefinitionContext.Builder()
            .withGroup("apiextensions.k8s.io")
            .withVersion("v1")
            .withKind("CustomResourceDefinition")
            .withPlural("customresourcedefinitions")
            .withNamespaced(false)
            .build();

    private final KubernetesClient client;
    private final Map<String, ResourceDefinitionContext> types = new HashMap<>();
    private final Map<String, JsonNode> schemas = new HashMap<>();

    ApiServer(KubernetesClient client) {
        this.client = client;
    }

    /** Creates or replaces the CRD and waits until it is served. */
    void install(ObjectNode crd) {
        var crds = client.genericKubernetesResources(CRDS);
        String name = crd.path("metadata").path("name").asText();
        GenericKubernetesResource existing = crds.withName(name).get();
        GenericKubernetesResource wanted = JSON.convertValue(crd, GenericKubernetesResource.class);
        if (existing == null) {
            crds.resource(wanted).create();
        } else {
            wanted.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
            crds.resource(wanted).update();
        }
        crds.withName(name).waitUntilCondition(ApiServer::established, 60, TimeUnit.SECONDS);
        JsonNode spec = crd.path("spec");
        for (JsonNode version : spec.path("versions")) {
            String key =
                    spec.path("group").asText() + "/" + version.path("name").asText() + "/"
                            + spec.path("names").path("kind").asText();
            schemas.put(key, version.path("schema").path("openAPIV3Schema"));
            types.put(
                    key,
                    new ResourceDefinitionContext.Builder()
                            .withGroup(spec.path("group").asText())
                            .withVersion(version.path("name").asText())
                            .withKind(spec.path("names").path("kind").asText())
                            .withPlural(spec.path("names").path("plural").asText())
                            .withNamespaced(
                                    "Namespaced".equals(spec.path("scope").asText()))
                            .build());
        }
    }

    void ensureNamespace(String name) {
        if (client.namespaces().withName(name).get() == null) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    /** What the server would store for {@code object}; throws the server's refusal otherwise. */
    ObjectNode dryRunCreate(ObjectNode object) {
        GenericKubernetesResource resource = JSON.convertValue(object, GenericKubernetesResource.class);
        ResourceDefinitionContext type = types.get(
                object.path("apiVersion").asText() + "/" + object.path("kind").asText());
        GenericKubernetesResource stored;
        if (type != null) {
            var operation = client.genericKubernetesResources(type);
            stored = (type.isNamespaceScoped()
                            ? operation.inNamespace(resource.getMetadata().getNamespace())
                            : operation)
                    .resource(resource)
                    .dryRun()
                    .create();
        } else {
            // A built-in type (a Secret): the client knows it.
            stored = client.resource(resource).dryRun().create();
        }
        return JSON.valueToTree(stored);
    }

    /** Whether a CRD installed here serves this type. */
    boolean serves(String apiVersion, String kind) {
        return types.containsKey(apiVersion + "/" + kind);
    }

    /** The openAPIV3Schema of an installed type. */
    JsonNode schema(String apiVersion, String kind) {
        JsonNode schema = schemas.get(apiVersion + "/" + kind);
        if (schema == null) {
            throw new IllegalArgumentException("no CRD installed for " + apiVersion + " " + kind);
        }
        return schema;
    }

    private static boolean established(GenericKubernetesResource crd) {
        if (crd == null) {
            return false;
        }
        JsonNode conditions = JSON.valueToTree(crd).path("status").path("conditions");
        for (JsonNode condition : conditions) {
            String type = condition.path("type").asText();
            String status = condition.path("status").asText();
            if (("NonStructuralSchema".equals(type) && "True".equals(status))
                    || ("NamesAccepted".equals(type) && "False".equals(status))) {
                throw new IllegalStateException("CRD " + crd.getMetadata().getName() + " is not served: " + type + " "
                        + condition.path("reason").asText() + ": "
                        + condition.path("message").asText());
            }
            if ("Established".equals(type) && "True".equals(status)) {
                return true;
            }
        }
        return false;
    }
}
