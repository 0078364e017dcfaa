package io.providerkind.install.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Crossplane package's CRDs (package/crds), installed into a cluster as the package manager installs them. */
final class PackageCrds {

    private PackageCrds() {}

    static void install(Path dir, KubernetesClient client) throws IOException {
        List<Path> crds;
        try (Stream<Path> files = Files.list(dir)) {
            crds = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(crds.isEmpty(), "no CRD in " + dir);
        for (Path crd : crds) {
            try (InputStream in = Files.newInputStream(crd)) {
                client.load(in).create();
            }
        }
    }
}
