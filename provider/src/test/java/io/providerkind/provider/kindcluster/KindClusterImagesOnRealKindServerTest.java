package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.config.RegistrySettings;
import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.kindserver.testing.TestImages;
import io.providerkind.kindserver.testing.TestRegistry;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.ImageStatus;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.Reference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.sdk.LocalRegistry;
import io.providerkind.testsupport.process.DockerCli;
import io.providerkind.testsupport.realparts.RequiresDocker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 end to end on real parts: a KindCluster with {@code preloadImages} on a real API server, the provider with
 * the SDK's HTTP client, and a real kindserver run with {@code --registry} (the real registry image) driving the kind
 * double on the Docker engine. The cluster the provider asks for is wired to the registry, the images of the Docker
 * host end up in every node's containerd, one missing on the host shows Failed in status alone, a changed list loads
 * the new image without a drift alert, and deleting the KindCluster leaves the registry running.
 */
@RequiresDocker
class KindClusterImagesOnRealKindServerTest extends ProviderIntegrationTest {

    private static final Duration CREATE = Duration.ofMinutes(3);
    private static final ProviderSettings SETTINGS =
            ProviderSettings.defaults().withPoll(Duration.ofSeconds(2)).withBusyPoll(Duration.ofMillis(500));
    private static final String NAME = "pv-e2e-images";
    private static final String TAG = "pv-e2e-" + ProcessHandle.current().pid();
    private static final String APP = "e2e/app:" + TAG;
    private static final String SIDECAR = "e2e/sidecar:" + TAG;
    private static final String ABSENT = "e2e/absent:" + TAG;
    private static final String CONFIG = TestKindClusters.SEED_CONFIG + "- role: worker\n";
    private static final DockerCli DOCKER = new DockerCli(Duration.ofMinutes(2));

    @TempDir
    static Path stateDir;

    private static RegistrySettings registry;
    private static KindServerFixture kindserver;

    @BeforeAll
    static void startKindServerWithARegistry() throws IOException {
        TestImages.importImage(APP, Map.of("app.txt", "app\n"));
        TestImages.importImage(SIDECAR, Map.of("sidecar.txt", "sidecar\n"));
        registry = TestRegistry.settings("pv-e2e-images");
        kindserver = KindServerFixture.start(stateDir, registry);
    }

    @AfterAll
    static void stopKindServer() throws IOException {
        if (kindserver != null) {
            kindserver.deleteClusters(name -> name.equals(NAME), CREATE);
            kindserver.close();
        }
        KindContainers.removeAll(NAME);
        if (registry != null) {
            TestRegistry.remove(registry.containerName());
        }
        DOCKER.run("image", "rm", "-f", APP, SIDECAR);
    }

    @Test
    void preloadedImagesReachEveryNodeOfAClusterWiredToTheRegistry() throws Exception {
        ProviderHarness harness =
                startProvider(SETTINGS, new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        harness.applyProviderConfig(
                "default",
                new KindServerEndpoint(kindserver.baseUrl().toString(), kindserver.caPem(), null),
                kindserver.password(),
                null);

        harness.apply(cluster(List.of(APP, ABSENT)));

        harness.awaitCondition(NAME, "Ready", "True", "Available", CREATE);
        waitUpTo(CREATE, "status shows the host's image loaded and the missing one failed")
                .until(
                        () -> harness.get(NAME).atProvider().images(),
                        images -> images.size() == 2
                                && images.get(0).equals(new ImageStatus(APP, "Loaded", null))
                                && "Failed".equals(images.get(1).state()));
        ImageStatus failed = harness.get(NAME).atProvider().images().get(1);
        assertTrue(failed.message().contains("image: \"" + ABSENT + "\" not present locally"), failed.message());
        waitUpTo(CREATE, "the failure is told as an Event")
                .until(() -> harness.eventCount(NAME, "Warning " + ImageLoadFailures.EVENT_FAILED) >= 1);
        assertEquals("True", harness.condition(NAME, "Ready").orElseThrow().status(), "the cluster works");
        List<String> nodes = KindContainers.names(NAME);
        assertEquals(2, nodes.size(), "control plane and worker: " + nodes);
        for (String node : nodes) {
            assertTrue(inContainerd(node, APP), APP + " is in " + node + "'s containerd");
            assertFalse(inContainerd(node, ABSENT), ABSENT + " is not in " + node);
            LocalRegistry local = kindserver.client().registry().orElseThrow();
            String hosts =
                    DOCKER.check("exec", node, "cat", "/etc/containerd/certs.d/" + local.hostAddress() + "/hosts.toml");
            assertTrue(
                    hosts.contains("http://" + local.clusterAddress()), node + " is wired to the registry: " + hosts);
        }

        harness.changePreloadImages(NAME, List.of(APP, SIDECAR));

        waitUpTo(CREATE, "the image added to the list is loaded")
                .until(
                        () -> harness.get(NAME).atProvider().images(),
                        images -> images.equals(List.of(
                                new ImageStatus(APP, "Loaded", null), new ImageStatus(SIDECAR, "Loaded", null))));
        for (String node : nodes) {
            assertTrue(inContainerd(node, SIDECAR), SIDECAR + " is in " + node + "'s containerd");
        }
        assertEquals(0, harness.eventCount(NAME, "Warning DriftDetected"), "a changed list is no drift");
        assertEquals(
                "False",
                harness.condition(NAME, DriftAlerts.CONDITION).orElseThrow().status());

        harness.client().resource(harness.get(NAME)).delete();
        waitUpTo(CREATE, "the KindCluster is gone").until(() -> harness.get(NAME) == null);
        assertTrue(KindContainers.of(NAME).isEmpty(), "no node container is left");
        assertEquals(
                "running",
                DOCKER.check("inspect", "--format", "{{.State.Status}}", registry.containerName())
                        .strip(),
                "the registry outlives the cluster");
    }

    private static boolean inContainerd(String node, String image) throws IOException {
        return !DOCKER.check("exec", node, "crictl", "images", "-q", "docker.io/" + image)
                .isBlank();
    }

    private static KindCluster cluster(List<String> images) {
        KindCluster cluster = TestKindClusters.applied(NAME, CONFIG);
        cluster.setSpec(new KindClusterSpec(
                new ForProvider(CONFIG, images), new Reference("default"), null, DeletionPolicy.Delete, null));
        return cluster;
    }
}
