package io.providerkind.install.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.providerkind.install.RepositoryPaths;
import io.providerkind.testsupport.realparts.KubeApiServerBinaries;
import io.providerkind.testsupport.realparts.RequiresKubeApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Every manifest under examples/, and every resource its compositions render, is accepted by a real API
 * server that has this project's CRDs (package/crds) and the real Crossplane, provider-helm,
 * provider-kubernetes and function-patch-and-transform CRDs, without a field being dropped.
 */
@RequiresKubeApiServer
@EnableKubeAPIServer(kubeAPIVersion = KubeApiServerBinaries.VERSION)
class ExamplesAreValidAgainstTheRealCrdsTest {

    static KubernetesClient client;

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    private static ExampleChecks checks;

    @BeforeAll
    static void installCrds() {
        ApiServer server = new ApiServer(client);
        CrdFiles.load(PATHS.crossplaneCrds()).forEach(server::install);
        CrdFiles.load(PATHS.certManagerCrds()).forEach(server::install);
        var ours = CrdFiles.load(PATHS.packageCrds());
        assertFalse(ours.isEmpty(), PATHS.packageCrds() + " holds no CRD: the provider build generates them there");
        ours.forEach(server::install);
        checks = new ExampleChecks(server, PATHS.examples());
    }

    @TestFactory
    Stream<DynamicContainer> everyExampleAndEveryComposedResourceIsAccepted() throws IOException {
        List<Path> folders;
        try (Stream<Path> children = Files.list(PATHS.examples())) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(folders.isEmpty(), "no example folders in " + PATHS.examples());
        return folders.stream()
                .map(folder -> dynamicContainer(
                        PATHS.examples().relativize(folder).toString(), checks.forFolder(Manifests.loadAll(folder))));
    }
}
