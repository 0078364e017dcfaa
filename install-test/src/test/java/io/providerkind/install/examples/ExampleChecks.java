package io.providerkind.install.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The checks of one examples folder, in the order a user applies it: the composite types its XRDs
 * define, then every document as written, then every resource its compositions render for the folder's
 * composite instance.
 */
final class ExampleChecks {

    private static final String PATCH_AND_TRANSFORM = "pt.fn.crossplane.io/v1beta1";

    private final ApiServer server;
    private final Path examples;

    ExampleChecks(ApiServer server, Path examples) {
        this.server = server;
        this.examples = examples;
    }

    Stream<DynamicTest> forFolder(List<Manifest> manifests) {
        List<DynamicTest> tests = new ArrayList<>();
        manifests.stream()
                .filter(m -> m.is("apiextensions.crossplane.io", "CompositeResourceDefinition"))
                .forEach(xrd -> tests.add(dynamicTest(
                        "composite CRD derived from " + xrd.describe(examples),
                        () -> server.install(XrdCrds.derive(xrd.body())))));
        manifests.forEach(m -> tests.add(dynamicTest(m.describe(examples), () -> document(m))));
        manifests.stream()
                .filter(m -> m.is("apiextensions.crossplane.io", "Composition"))
                .forEach(composition -> tests.addAll(composed(composition, manifests)));
        return tests.stream();
    }

    private void document(Manifest manifest) {
        String what = manifest.describe(examples);
        if (!manifest.is("apiextensions.crossplane.io", "Composition")) {
            accepted(what, manifest.body());
            return;
        }
        ObjectNode composition = manifest.body().deepCopy();
        JsonNode resources = composition.path("spec").path("resources");
        if (!resources.isMissingNode()) {
            // Crossplane v1's Resources mode. v2's Composition schema has no spec.resources; its items have
            // the shape function-patch-and-transform's input kept, so they are checked against that.
            ((ObjectNode) composition.get("spec")).remove("resources");
            accepted(what + " without spec.resources", composition);
            ObjectNode input = composition
                    .objectNode()
                    .put("apiVersion", PATCH_AND_TRANSFORM)
                    .put("kind", "Resources");
            input.set("resources", resources);
            accepted(what + " spec.resources", asObject(input, manifest.name()));
            return;
        }
        accepted(what, composition);
        for (JsonNode step : composition.path("spec").path("pipeline")) {
            JsonNode input = step.path("input");
            if (PATCH_AND_TRANSFORM.equals(input.path("apiVersion").asText())) {
                accepted(what + " step " + step.path("step").asText(), asObject(input.deepCopy(), manifest.name()));
            }
        }
    }

    private List<DynamicTest> composed(Manifest composition, List<Manifest> folder) {
        JsonNode type = composition.body().path("spec").path("compositeTypeRef");
        Manifest composite = folder.stream()
                .filter(m -> m.apiVersion().equals(type.path("apiVersion").asText())
                        && m.kind().equals(type.path("kind").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(composition.describe(examples) + ": its folder needs an example "
                        + type.path("kind").asText() + " to render it with"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode resources : Compositions.resources(composition.body())) {
            for (PatchAndTransform.Composed resource : PatchAndTransform.render(resources, composite.body())) {
                String what =
                        composition.describe(examples) + " renders " + resource.name() + " for " + composite.name();
                tests.add(dynamicTest(what, () -> {
                    accepted(what, resource.resource());
                    embeddedManifest(resource).ifPresent(manifest -> accepted(what + ": its manifest", manifest));
                    for (PatchAndTransform.ToComposite patch : resource.toComposite()) {
                        assertTrue(
                                SchemaPaths.declares(
                                        server.schema(resource.apiVersion(), resource.kind()), patch.from()),
                                what + ": " + resource.kind() + " has no field " + patch.from());
                        assertTrue(
                                SchemaPaths.declares(
                                        server.schema(composite.apiVersion(), composite.kind()), patch.to()),
                                what + ": " + composite.kind() + " has no field " + patch.to());
                    }
                }));
            }
        }
        return tests;
    }

    /**
     * The manifest a provider-kubernetes Object applies in the new cluster, when the test server knows its type: one
     * every API server has (a ConfigMap, a Job, RBAC) or one of the vendored CRDs (cert-manager's). Others (Argo CD's
     * Application) are left to the workstation e2e run (README, EDFBuilder).
     */
    private Optional<ObjectNode> embeddedManifest(PatchAndTransform.Composed resource) {
        JsonNode manifest = resource.resource().path("spec").path("forProvider").path("manifest");
        boolean object =
                resource.kind().equals("Object") && resource.apiVersion().startsWith("kubernetes.");
        String apiVersion = manifest.path("apiVersion").asText();
        boolean known = apiVersion.equals("v1")
                || apiVersion.equals("batch/v1")
                || apiVersion.equals("rbac.authorization.k8s.io/v1")
                || server.serves(apiVersion, manifest.path("kind").asText());
        return object && known && manifest instanceof ObjectNode node ? Optional.of(node.deepCopy()) : Optional.empty();
    }

    /**
     * A Secret's {@code stringData} is write-only: the API server moves it into {@code data}, base64-encoded (a
     * key in both takes the stringData value). Anything else is compared as it was sent.
     */
    private static ObjectNode asStored(ObjectNode object) {
        if (!"Secret".equals(object.path("kind").asText()) || !object.has("stringData")) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        ObjectNode data = copy.withObject("/data");
        copy.remove("stringData")
                .fields()
                .forEachRemaining(entry -> data.put(
                        entry.getKey(),
                        Base64.getEncoder()
                                .encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        return copy;
    }

    /** A composition function input as an object the API server can hold. */
    private static ObjectNode asObject(ObjectNode input, String name) {
        ObjectNode metadata = input.withObject("/metadata");
        metadata.put("name", name.replace('.', '-') + "-input");
        metadata.put("namespace", "default");
        return input;
    }

    private void accepted(String what, ObjectNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        if (!namespace.isEmpty()) {
            server.ensureNamespace(namespace);
        }
        ObjectNode stored;
        try {
            stored = server.dryRunCreate(object);
        } catch (KubernetesClientException e) {
            String reason = e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage()
                    : e.getMessage();
            fail(what + " is refused by the API server: " + reason, e);
            return;
        }
        List<String> lost = LostFields.between(asStored(object), stored);
        assertTrue(
                lost.isEmpty(),
                what + " has fields its CRD does not declare or changes them: " + String.join(", ", lost));
    }
}
