package io.providerkind.install.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.providerkind.install.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples name each other correctly, so that applying them together works. */
class ExampleReferencesTest {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    private static final ExampleFolder PROVIDER =
            ExampleFolder.load(PATHS.examples().resolve("provider"));

    @ParameterizedTest
    @ValueSource(strings = {"provider", "preload-images"})
    void kindClusterUsesTheExampleProviderConfig(String folderName) {
        Manifest cluster = ExampleFolder.load(PATHS.examples().resolve(folderName))
                .one("container.kind.crossplane.io", "KindCluster");
        String name = cluster.body()
                .path("spec")
                .path("providerConfigRef")
                .path("name")
                .asText();
        assertTrue(
                PROVIDER.named("kind.crossplane.io", "ProviderConfig", name).isPresent(), "no ProviderConfig " + name);
    }

    @Test
    void preloadExampleNamesImagesWithATagOtherThanLatest() {
        JsonNode images = ExampleFolder.load(PATHS.examples().resolve("preload-images"))
                .one("container.kind.crossplane.io", "KindCluster")
                .body()
                .path("spec")
                .path("forProvider")
                .path("preloadImages");
        assertFalse(images.isEmpty(), "the example preloads images");
        // a :latest (or untagged) image makes the kubelet pull it, which defeats the preload (kind's own advice)
        images.forEach(image -> assertTrue(
                image.asText().matches(".*:[^/:]+") && !image.asText().endsWith(":latest"), image.asText()));
    }

    @Test
    void providerConfigReadsAKeyTheExampleSecretHasAndTheSecretSaysHowToFillItFromAGeneratedFile() throws IOException {
        JsonNode secretRef = PROVIDER.one("kind.crossplane.io", "ProviderConfig")
                .body()
                .path("spec")
                .path("credentials")
                .path("secretRef");
        String name = secretRef.path("name").asText();
        String namespace = secretRef.path("namespace").asText();
        String key = secretRef.path("key").asText();
        Manifest secret = PROVIDER.named("", "Secret", name).orElseThrow(() -> new AssertionError("no Secret " + name));
        assertEquals(namespace, secret.body().path("metadata").path("namespace").asText());
        JsonNode body = secret.body();
        assertTrue(
                body.path("data").has(key) || body.path("stringData").has(key),
                "the Secret has no key " + key + ": " + body);

        String text = Files.readString(PATHS.examples().resolve("provider/secret.yaml"));
        String create = "kubectl create secret generic " + name + " -n " + namespace;
        assertTrue(text.contains(create), "secret.yaml shows how to make it: " + create + "\n" + text);
        assertTrue(text.contains("--from-file=" + key + "="), "from the generated password file, key " + key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"edfbuilder", "composition_deprecated"})
    void compositionsTargetTheirFoldersXrdAndTheExampleProviderConfig(String folderName) {
        ExampleFolder folder = ExampleFolder.load(PATHS.examples().resolve(folderName));
        Manifest composition = folder.one("apiextensions.crossplane.io", "Composition");
        JsonNode xrd = folder.one("apiextensions.crossplane.io", "CompositeResourceDefinition")
                .body()
                .path("spec");
        JsonNode type = composition.body().path("spec").path("compositeTypeRef");
        assertEquals(xrd.path("names").path("kind").asText(), type.path("kind").asText());
        List<JsonNode> referenceable = xrd.path("versions").findParents("referenceable").stream()
                .filter(v -> v.path("referenceable").asBoolean())
                .toList();
        assertEquals(1, referenceable.size(), "one referenceable version");
        assertEquals(
                xrd.path("group").asText() + "/"
                        + referenceable.get(0).path("name").asText(),
                type.path("apiVersion").asText());
        for (JsonNode resources : Compositions.resources(composition.body())) {
            for (PatchAndTransform.Composed composed : PatchAndTransform.render(
                    resources, folder.compositeOf(composition).body())) {
                if (composed.kind().equals("KindCluster")) {
                    String name = composed.resource()
                            .path("spec")
                            .path("providerConfigRef")
                            .path("name")
                            .asText();
                    assertTrue(
                            PROVIDER.named("kind.crossplane.io", "ProviderConfig", name)
                                    .isPresent(),
                            "no ProviderConfig " + name);
                }
            }
        }
    }

    @Test
    void pipelineFunctionsAreInstalledByTheInstallExamples() {
        ExampleFolder install = ExampleFolder.load(PATHS.examples().resolve("install"));
        Manifest composition = ExampleFolder.load(PATHS.examples().resolve("edfbuilder"))
                .one("apiextensions.crossplane.io", "Composition");
        JsonNode pipeline = composition.body().path("spec").path("pipeline");
        assertFalse(pipeline.isEmpty(), "a Pipeline composition");
        for (JsonNode step : pipeline) {
            String function = step.path("functionRef").path("name").asText();
            assertTrue(
                    install.named("pkg.crossplane.io", "Function", function).isPresent(),
                    "no Function " + function + " in examples/install");
        }
    }
}
