package io.providerkind.install.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.providerkind.install.RepositoryPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Job scripts live as files in examples/edfbuilder-scripts, where they are read, reviewed and tested; a composed
 * ConfigMap must carry their text, so each edfbuilder composition holds a copy. The files are the source: a copy that
 * differs by one byte fails here, and every Job runs a script the ConfigMap has, in the image named with its tag.
 */
class JobScriptsInCompositionsTest {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();

    @ParameterizedTest
    @ValueSource(strings = {"edfbuilder", "edfbuilder-v2"})
    void theScriptsConfigMapCarriesEveryScriptFileByteForByte(String folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> scripts = Files.list(PATHS.edfbuilderScripts())) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                files.put(script.getFileName().toString(), Files.readString(script));
            }
        }
        assertFalse(files.isEmpty(), "no scripts in " + PATHS.edfbuilderScripts());
        JsonNode data = manifest(folder, "job-scripts").path("data");
        Map<String, String> copies = new TreeMap<>();
        data.fields().forEachRemaining(e -> copies.put(e.getKey(), e.getValue().asText()));
        assertEquals(files.keySet(), copies.keySet(), folder + ": the ConfigMap's keys are the script files' names");
        files.forEach((name, text) -> assertEquals(
                text,
                copies.get(name),
                folder + "/composition.yaml carries another " + name + " than examples/edfbuilder-scripts/" + name
                        + ": copy the file into the job-scripts resource's data (README, EDFBuilder)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"edfbuilder", "edfbuilder-v2"})
    void everyJobRunsAScriptOfTheConfigMapInATaggedImage(String folder) {
        Set<String> scripts = new TreeSet<>();
        manifest(folder, "job-scripts").path("data").fieldNames().forEachRemaining(scripts::add);
        for (String job : List.of("admin-secret-job", "stacks-repository-job")) {
            JsonNode pod = manifest(folder, job).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").path(0);
            String command = container.path("command").path(1).asText();
            assertTrue(command.startsWith("/scripts/"), job + " runs " + command);
            assertTrue(
                    scripts.contains(command.substring("/scripts/".length())),
                    job + " runs a script the ConfigMap lacks: " + command);
            assertEquals(
                    "edfbuilder-scripts",
                    pod.path("volumes").path(0).path("configMap").path("name").asText(),
                    job);
            assertTrue(
                    container.path("image").asText().matches("[a-z0-9./-]+/[a-z0-9./-]+:[0-9][A-Za-z0-9.-]*"),
                    job + ": the image is named with a version tag: "
                            + container.path("image").asText());
            assertEquals(
                    "Never", pod.path("restartPolicy").asText(), job + ": retries are the Job's bounded backoffLimit");
            assertTrue(
                    manifest(folder, job).path("spec").path("backoffLimit").asInt(-1) >= 0,
                    job + " has no backoffLimit");
        }
    }

    private static JsonNode manifest(String folderName, String resourceName) {
        ExampleFolder folder = ExampleFolder.load(PATHS.examples().resolve(folderName));
        Manifest composition = folder.one("apiextensions.crossplane.io", "Composition");
        for (JsonNode resources : Compositions.resources(composition.body())) {
            for (JsonNode resource : resources.path("resources")) {
                if (resourceName.equals(resource.path("name").asText())) {
                    return resource.path("base")
                            .path("spec")
                            .path("forProvider")
                            .path("manifest");
                }
            }
        }
        throw new AssertionError(folderName + " composes no resource named " + resourceName);
    }
}
