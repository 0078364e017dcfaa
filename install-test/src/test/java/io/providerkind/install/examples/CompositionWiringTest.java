package io.providerkind.install.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.providerkind.install.RepositoryPaths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each edfbuilder composition makes for its folder's EDFBuilder, rendered as patch-and-transform
 * would: one kind cluster whose connection Secret is the one both ProviderConfigs read, Releases and
 * Objects that deploy through those ProviderConfigs, the three charts and the Argo CD app of apps.
 */
class CompositionWiringTest {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();

    @ParameterizedTest
    @ValueSource(strings = {"edfbuilder", "composition_deprecated"})
    void bothProviderConfigsReadTheKubeconfigOfTheComposedKindCluster(String folder) {
        List<PatchAndTransform.Composed> composed = render(folder);
        JsonNode secret = single(composed, "container.kind.crossplane.io/v1alpha1", "KindCluster")
                .resource()
                .path("spec")
                .path("writeConnectionSecretToRef");
        for (String apiVersion : List.of("helm.crossplane.io/v1beta1", "kubernetes.crossplane.io/v1alpha1")) {
            JsonNode credentials = single(composed, apiVersion, "ProviderConfig")
                    .resource()
                    .path("spec")
                    .path("credentials");
            assertEquals("Secret", credentials.path("source").asText(), apiVersion);
            assertFalse(secret.path("name").asText().isEmpty(), "the KindCluster names no connection Secret");
            assertEquals(
                    secret.path("name").asText(),
                    credentials.path("secretRef").path("name").asText(),
                    apiVersion);
            assertEquals(
                    secret.path("namespace").asText(),
                    credentials.path("secretRef").path("namespace").asText(),
                    apiVersion);
            assertEquals("kubeconfig", credentials.path("secretRef").path("key").asText(), apiVersion);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"edfbuilder", "composition_deprecated"})
    void releasesAndObjectsDeployIntoTheNewClusterThroughItsProviderConfigs(String folder) {
        List<PatchAndTransform.Composed> composed = render(folder);
        String helm =
                single(composed, "helm.crossplane.io/v1beta1", "ProviderConfig").resourceName();
        String kubernetes = single(composed, "kubernetes.crossplane.io/v1alpha1", "ProviderConfig")
                .resourceName();
        List<PatchAndTransform.Composed> releases = all(composed, "helm.crossplane.io/v1beta1", "Release");
        List<PatchAndTransform.Composed> objects = all(composed, "kubernetes.crossplane.io/v1alpha2", "Object");
        assertFalse(releases.isEmpty(), "no Release");
        assertFalse(objects.isEmpty(), "no Object");
        releases.forEach(r -> assertEquals(helm, providerConfig(r), r.name()));
        objects.forEach(o -> assertEquals(kubernetes, providerConfig(o), o.name()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"edfbuilder", "composition_deprecated"})
    void installsIngressNginxForgejoAndArgoCdAndTheAppOfApps(String folder) {
        List<PatchAndTransform.Composed> composed = render(folder);
        Set<String> expected = folder.equals("edfbuilder")
                ? Set.of("ingress-nginx", "cert-manager", "forgejo", "argo-cd")
                : Set.of("ingress-nginx", "forgejo", "argo-cd");
        Set<String> charts = all(composed, "helm.crossplane.io/v1beta1", "Release").stream()
                .map(r -> r.resource()
                        .path("spec")
                        .path("forProvider")
                        .path("chart")
                        .path("name")
                        .asText())
                .collect(Collectors.toSet());
        assertEquals(expected, charts);
        JsonNode application =
                appOfApps(composed).resource().path("spec").path("forProvider").path("manifest");
        assertEquals("argoproj.io/v1alpha1", application.path("apiVersion").asText());
        assertEquals("Application", application.path("kind").asText());
        assertEquals("argocd", application.path("metadata").path("namespace").asText());
    }

    @Test
    void pipelineCompositionPointsArgoCdAtTheInClusterCopyOfTheStacks() {
        ExampleFolder folder = ExampleFolder.load(PATHS.examples().resolve("edfbuilder"));
        Manifest composition = folder.one("apiextensions.crossplane.io", "Composition");
        JsonNode edfBuilder = folder.compositeOf(composition).body().deepCopy();
        ((ObjectNode) edfBuilder.path("spec")).put("repoURL", "https://git.example/stacks.git");
        ((ObjectNode) edfBuilder.path("spec")).put("stacksRepo", "team-a/platform");
        List<PatchAndTransform.Composed> composed = Compositions.resources(composition.body()).stream()
                .flatMap(r -> PatchAndTransform.render(r, edfBuilder).stream())
                .toList();
        JsonNode source = appOfApps(composed)
                .resource()
                .path("spec")
                .path("forProvider")
                .path("manifest")
                .path("spec")
                .path("source");
        assertEquals(
                "http://forgejo-http.gitea.svc.cluster.local:3000/team-a/platform.git",
                source.path("repoURL").asText());
        JsonNode env = composed.stream()
                .filter(c -> c.name().equals("stacks-repository-job"))
                .findFirst()
                .orElseThrow()
                .resource()
                .at("/spec/forProvider/manifest/spec/template/spec/containers/0/env");
        assertEquals("STACKS_REPO", env.path(1).path("name").asText());
        assertEquals("team-a/platform", env.path(1).path("value").asText());
        assertEquals("SOURCE_URL", env.path(2).path("name").asText());
        assertEquals("https://git.example/stacks.git", env.path(2).path("value").asText());
    }

    @Test
    void pipelineCompositionNamesTheClusterAndItsSecretAfterTheEdfBuilder() {
        List<PatchAndTransform.Composed> composed = render("edfbuilder");
        JsonNode kindCluster = single(composed, "container.kind.crossplane.io/v1alpha1", "KindCluster")
                .resource();
        assertEquals("kindcluster", kindCluster.path("metadata").path("name").asText());
        assertEquals(
                "kindcluster-kubeconfig",
                kindCluster
                        .path("spec")
                        .path("writeConnectionSecretToRef")
                        .path("name")
                        .asText());
        assertEquals(
                "kind-provider-config",
                kindCluster.path("spec").path("providerConfigRef").path("name").asText());
    }

    private static List<PatchAndTransform.Composed> render(String folderName) {
        ExampleFolder folder = ExampleFolder.load(PATHS.examples().resolve(folderName));
        Manifest composition = folder.one("apiextensions.crossplane.io", "Composition");
        JsonNode composite = folder.compositeOf(composition).body();
        return Compositions.resources(composition.body()).stream()
                .flatMap(resources -> PatchAndTransform.render(resources, composite).stream())
                .toList();
    }

    /** The Argo CD Application: the Object the composition names app-of-apps (v1's compositions name it too). */
    private static PatchAndTransform.Composed appOfApps(List<PatchAndTransform.Composed> composed) {
        List<PatchAndTransform.Composed> objects = all(composed, "kubernetes.crossplane.io/v1alpha2", "Object");
        return objects.size() == 1
                ? objects.get(0)
                : objects.stream()
                        .filter(o -> o.name().equals("app-of-apps"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no Object named app-of-apps"));
    }

    private static String providerConfig(PatchAndTransform.Composed resource) {
        return resource.resource()
                .path("spec")
                .path("providerConfigRef")
                .path("name")
                .asText();
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
