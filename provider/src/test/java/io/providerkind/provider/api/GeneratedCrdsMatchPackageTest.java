package io.providerkind.provider.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CRDs in package/crds are exactly what the Java types generate: nobody edits them by hand. */
class GeneratedCrdsMatchPackageTest {

    private static final String UPDATE = "run: mvn -pl provider -am process-test-classes -Pupdate-crds";

    @Test
    void committedCrdsAreTheGeneratedOnes() throws IOException {
        Path generated = Path.of(System.getProperty("crds.generated.dir", "target/crds"));
        Path committed = Path.of(System.getProperty("crds.package.dir", "../package/crds"));
        Map<String, String> expected = CrdPackager.packaged(generated);
        assertFalse(expected.isEmpty(), "the crd-generator wrote nothing to " + generated);

        Set<String> present;
        try (Stream<Path> files = Files.exists(committed) ? Files.list(committed) : Stream.empty()) {
            present = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(
                new TreeSet<>(expected.keySet()), present, "package/crds holds other files than generated; " + UPDATE);
        for (Map.Entry<String, String> file : expected.entrySet()) {
            String actual = Files.readString(committed.resolve(file.getKey()), StandardCharsets.UTF_8);
            assertEquals(file.getValue(), actual, file.getKey() + " differs from the generated CRD; " + UPDATE);
        }
    }
}
