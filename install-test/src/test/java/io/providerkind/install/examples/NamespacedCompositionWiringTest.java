package io.providerkind.install.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.providerkind.install.RepositoryPaths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What examples/edfbuilder-v2's composition makes for its namespaced EDFBuilder, rendered as patch-and-transform and
 * Crossplane v2 would: everything in the EDFBuilder's namespace, the namespaced KindCluster on the folder's
 * ClusterProviderConfig, its connection Secret read by namespaced helm and kubernetes ProviderConfigs of that
 * namespace, and the Releases and the Object deploying through those.
 */
class NamespacedCompositionWiringTest {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    private static final String FOLDER = "edfbuilder-v2";
    private static final String KIND_CLUSTER = "container.kind.m.crossplane.io/v1alpha1";

    @Test
    void theXrdHasCrossplaneV2sDefaultNamespacedScope() {
        JsonNode xrd = folder().one("apiextensions.crossplane.io", "CompositeResourceDefinition")
                .body();
        assertEquals("apiextensions.crossplane.io/v2", xrd.path("apiVersion").asText());
        assertTrue(xrd.path("spec").path("scope").isMissingNode(), "the default scope, Namespaced");
        assertFalse(folder().compositeOf(composition())
                .body()
                .path("metadata")
                .path("namespace")
                .asText()
                .isEmpty());
    }

    @Test
    void everythingComposedIsNamespacedAndInTheEdfBuildersNamespace() {
        String namespace = composite().path("metadata").path("namespace").asText();
        for (PatchAndTransform.Composed composed : render()) {
            assertTrue(composed.apiVersion().contains(".m.crossplane.io/"), composed.name() + " is a .m. resource");
            assertEquals(
                    namespace,
                    composed.resource().path("metadata").path("namespace").asText(),
                    composed.name());
        }
    }

    @Test
    void theKindClusterUsesTheFoldersClusterProviderConfigAndBothProviderConfigsReadItsSecretBesideThem() {
        List<PatchAndTransform.Composed> composed = render();
        JsonNode cluster = single(composed, KIND_CLUSTER, "KindCluster").resource();
        JsonNode ref = cluster.path("spec").path("providerConfigRef");
        assertEquals("ClusterProviderConfig", ref.path("kind").asText());
        assertTrue(
                folder().named(
                                "kind.m.crossplane.io",
                                "ClusterProviderConfig",
                                ref.path("name").asText())
                        .isPresent(),
                "no ClusterProviderConfig " + ref.path("name").asText() + " in examples/" + FOLDER);
        JsonNode secret = cluster.path("spec").path("writeConnectionSecretToRef");
        assertEquals(List.of("name"), iterable(secret.fieldNames()), "a Secret of the KindCluster's own namespace");
        for (String apiVersion : List.of("helm.m.crossplane.io/v1beta1", "kubernetes.m.crossplane.io/v1alpha1")) {
            JsonNode credentials = single(composed, apiVersion, "ProviderConfig")
                    .resource()
                    .path("spec")
                    .path("credentials");
            assertEquals("Secret", credentials.path("source").asText(), apiVersion);
            assertEquals(
                    secret.path("name").asText(),
                    credentials.path("secretRef").path("name").asText());
            assertEquals(
                    cluster.path("metadata").path("namespace").asText(),
                    credentials.path("secretRef").path("namespace").asText(),
                    apiVersion);
            assertEquals("kubeconfig", credentials.path("secretRef").path("key").asText(), apiVersion);
        }
    }

    @Test
    void releasesAndTheAppOfAppsDeployThroughTheNamespacesProviderConfigs() {
        List<PatchAndTransform.Composed> composed = render();
        String helm = single(composed, "helm.m.crossplane.io/v1beta1", "ProviderConfig")
                .resourceName();
        String kubernetes = single(composed, "kubernetes.m.crossplane.io/v1alpha1", "ProviderConfig")
                .resourceName();
        List<PatchAndTransform.Composed> releases = all(composed, "helm.m.crossplane.io/v1beta1", "Release");
        assertEquals(
                Set.of("ingress-nginx", "cert-manager", "forgejo", "argo-cd"),
                releases.stream()
                        .map(r -> r.resource()
                                .path("spec")
                                .path("forProvider")
                                .path("chart")
                                .path("name")
                                .asText())
                        .collect(Collectors.toSet()));
        releases.forEach(r -> assertEquals("ProviderConfig " + helm, providerConfig(r), r.name()));
        List<PatchAndTransform.Composed> objects = all(composed, "kubernetes.m.crossplane.io/v1alpha1", "Object");
        objects.forEach(o -> assertEquals("ProviderConfig " + kubernetes, providerConfig(o), o.name()));
        PatchAndTransform.Composed appOfApps = objects.stream()
                .filter(o -> o.name().equals("app-of-apps"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "http://forgejo-http.gitea.svc.cluster.local:3000/edfbuilder/stacks.git",
                appOfApps
                        .resource()
                        .path("spec")
                        .path("forProvider")
                        .path("manifest")
                        .path("spec")
                        .path("source")
                        .path("repoURL")
                        .asText(),
                "Argo CD syncs the in-cluster copy of the stacks, not spec.repoURL");
    }

    private static ExampleFolder folder() {
        return ExampleFolder.load(PATHS.examples().resolve(FOLDER));
    }

    private static Manifest composition() {
        return folder().one("apiextensions.crossplane.io", "Composition");
    }

    private static JsonNode composite() {
        return folder().compositeOf(composition()).body();
    }

    private static List<PatchAndTransform.Composed> render() {
        return Compositions.resources(composition().body()).stream()
                .flatMap(resources -> PatchAndTransform.render(resources, composite()).stream())
                .toList();
    }

    private static String providerConfig(PatchAndTransform.Composed resource) {
        JsonNode ref = resource.resource().path("spec").path("providerConfigRef");
        return ref.path("kind").asText() + " " + ref.path("name").asText();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static List<PatchAndTransform.Composed> all(
            List<PatchAndTransform.Composed> composed, String apiVersion, String kind) {
        return composed.stream()
                .filter(c -> c.apiVersion().equals(apiVersion) && c.kind().equals(kind))
                .toList();
    }

    private static PatchAndTransform.Composed single(
            List<PatchAndTransform.Composed> composed, String apiVersion, String kind) {
        List<PatchAndTransform.Composed> found = all(composed, apiVersion, kind);
        assertEquals(1, found.size(), "composed " + kind + " (" + apiVersion + ")");
        return found.get(0);
    }
}
