package io.providerkind.install.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.providerkind.install.RepositoryPaths;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples name each other correctly, so that applying them together works. */
class ExampleReferencesTest {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    private static final ExampleFolder PROVIDER =
            ExampleFolder.load(PATHS.examples().resolve("provider"));

    @Test
    void kindClusterUsesTheExampleProviderConfig() {
        Manifest cluster = PROVIDER.one("container.kind.crossplane.io", "KindCluster");
        String name = cluster.body()
                .path("spec")
                .path("providerConfigRef")
                .path("name")
                .asText();
        assertTrue(
                PROVIDER.named("kind.crossplane.io", "ProviderConfig", name).isPresent(), "no ProviderConfig " + name);
    }

    @Test
    void providerConfigReadsAKeyTheExampleSecretHas() {
        JsonNode secretRef = PROVIDER.one("kind.crossplane.io", "ProviderConfig")
                .body()
                .path("spec")
                .path("credentials")
                .path("secretRef");
        Manifest secret = PROVIDER.named("", "Secret", secretRef.path("name").asText())
                .orElseThrow(() ->
                        new AssertionError("no Secret " + secretRef.path("name").asText()));
        assertEquals(
                secretRef.path("namespace").asText(),
                secret.body().path("metadata").path("namespace").asText());
        JsonNode password =
                secret.body().path("data").path(secretRef.path("key").asText());
        assertFalse(
                password.isMissingNode(),
                "the Secret has no key " + secretRef.path("key").asText());
        assertEquals("12345", new String(Base64.getDecoder().decode(password.asText())), "the seed's password");
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
