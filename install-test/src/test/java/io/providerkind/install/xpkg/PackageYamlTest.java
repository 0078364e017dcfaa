package io.providerkind.install.xpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.providerkind.install.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package's metadata and package.yaml, as `make xpkg` writes it from package/. */
class PackageYamlTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    private static final BuildXpkgScript SCRIPT = new BuildXpkgScript(PATHS.xpkgBuildScript());

    @TempDir
    Path out;

    @Test
    void crossplaneYamlDescribesAProviderForCrossplaneV2WhosePackageIsItsRuntimeImage() throws IOException {
        JsonNode meta =
                YAML.readTree(PATHS.packageRoot().resolve("crossplane.yaml").toFile());
        assertEquals("meta.pkg.crossplane.io/v1", meta.path("apiVersion").asText());
        assertEquals("Provider", meta.path("kind").asText());
        assertEquals("provider-kind", meta.path("metadata").path("name").asText());
        JsonNode annotations = meta.path("metadata").path("annotations");
        assertEquals(
                "Apache-2.0", annotations.path("meta.crossplane.io/license").asText());
        for (String key :
                List.of("meta.crossplane.io/source", "meta.crossplane.io/description", "meta.crossplane.io/readme")) {
            assertFalse(annotations.path(key).asText().isBlank(), key);
        }
        assertTrue(
                meta.path("spec").path("crossplane").path("version").asText().startsWith(">=v2"),
                "a Crossplane v2 constraint");
        assertTrue(
                meta.path("spec").path("controller").path("image").isMissingNode(),
                "no controller.image: the package image is the runtime image");
    }

    @Test
    void packageYamlHoldsTheMetadataAndEveryCrdOfThePackage() throws Exception {
        BuildXpkgScript.Result result = SCRIPT.run("--package-yaml-only", "--output", out.toString());
        assertEquals(0, result.exitCode(), result.output());

        List<JsonNode> documents = documents(out.resolve("package.yaml"));
        List<JsonNode> providers = documents.stream()
                .filter(d -> d.path("kind").asText().equals("Provider"))
                .toList();
        assertEquals(
                List.of(YAML.readTree(
                        PATHS.packageRoot().resolve("crossplane.yaml").toFile())),
                providers);
        Set<JsonNode> crds = documents.stream()
                .filter(d -> !d.path("kind").asText().equals("Provider"))
                .collect(Collectors.toSet());
        Set<JsonNode> expected = new java.util.HashSet<>();
        try (Stream<Path> files = Files.list(PATHS.packageCrds())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                expected.addAll(documents(file));
            }
        }
        assertEquals(expected, crds);
        Set<String> names =
                crds.stream().map(c -> c.path("metadata").path("name").asText()).collect(Collectors.toSet());
        assertTrue(
                names.containsAll(Set.of(
                        "kindclusters.container.kind.crossplane.io",
                        "providerconfigs.kind.crossplane.io",
                        "providerconfigusages.kind.crossplane.io")),
                names.toString());
        crds.forEach(
                crd -> assertEquals("CustomResourceDefinition", crd.path("kind").asText()));
    }

    @Test
    void refusesAPackageThatHoldsSomethingButCrdsAndWritesNothing(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("crds"));
        Files.copy(PATHS.packageRoot().resolve("crossplane.yaml"), root.resolve("crossplane.yaml"));
        Files.writeString(root.resolve("crds/secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: oops\n");

        BuildXpkgScript.Result result =
                SCRIPT.run("--package-yaml-only", "--package-root", root.toString(), "--output", out.toString());

        assertNotEquals(0, result.exitCode());
        assertTrue(
                result.output().contains("crds/secret.yaml") && result.output().contains("Secret"), result.output());
        assertFalse(Files.exists(out.resolve("package.yaml")));
    }

    @Test
    void refusesAPackageWithoutCrds(@TempDir Path root) throws Exception {
        Files.copy(PATHS.packageRoot().resolve("crossplane.yaml"), root.resolve("crossplane.yaml"));

        BuildXpkgScript.Result result =
                SCRIPT.run("--package-yaml-only", "--package-root", root.toString(), "--output", out.toString());

        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("no CRD"), result.output());
    }

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (values.hasNextValue()) {
                JsonNode document = (JsonNode) values.nextValue();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
