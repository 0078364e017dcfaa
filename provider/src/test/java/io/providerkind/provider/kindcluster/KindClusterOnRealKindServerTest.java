package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.providerkind.kindserver.testing.DockerEngine;
import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindDouble;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.kindserver.testing.KubeconfigClients;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.Reference;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.testsupport.realparts.RequiresDocker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on real parts: a real API server, the provider with the SDK's HTTP client, and a real
 * kindserver on 127.0.0.1 driving the kind test double on the Docker engine. Without Docker or the
 * double these fail under CI=true and are skipped elsewhere (test-support's RealParts).
 */
@RequiresDocker
class KindClusterOnRealKindServerTest extends ProviderIntegrationTest {

    private static final Duration CREATE = Duration.ofMinutes(3);
    private static final Duration REAL_PARTS_WAIT = Duration.ofSeconds(60);
    private static final ProviderSettings SETTINGS =
            ProviderSettings.defaults().withPoll(Duration.ofSeconds(2)).withBusyPoll(Duration.ofMillis(500));

    @TempDir
    static Path stateDir;

    private static KindServerFixture kindserver;
    private ProviderHarness harness;

    @BeforeAll
    static void startKindServer() {
        kindserver = KindServerFixture.start(stateDir);
    }

    @AfterAll
    static void stopKindServer() {
        if (kindserver != null) {
            kindserver.deleteClusters(name -> name.startsWith("pv-e2e-"), CREATE);
            kindserver.close();
        }
    }

    @BeforeEach
    void startProviderOnTheRealKindServer() {
        harness =
                startProvider(SETTINGS, new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        harness.applyProviderConfig(
                "default",
                new KindServerEndpoint(kindserver.baseUrl().toString(), kindserver.caPem(), null),
                kindserver.password(),
                null);
    }

    @Test
    void seedClusterIsMadeServesItsKubeconfigSurvivesDriftAndIsDeleted() throws Exception {
        harness.apply(
                cluster("pv-e2e-seed", DeletionPolicy.Delete, new SecretReference("pv-e2e-seed-conn", "default")));

        harness.awaitCondition("pv-e2e-seed", "Ready", "True", "Available", CREATE);
        KindCluster ready = harness.get("pv-e2e-seed");
        assertNotNull(ready.atProvider().internalIP(), "internalIP");
        assertTrue(
                ready.atProvider().kubernetesVersion().startsWith("v1."),
                ready.atProvider().kubernetesVersion());
        assertTrue(
                ready.atProvider().endpoint().startsWith("https://"),
                ready.atProvider().endpoint());

        waitUpTo(REAL_PARTS_WAIT, "the connection Secret holds the kubeconfig").until(() -> {
            Secret s = harness.secret("default", "pv-e2e-seed-conn");
            return s != null && s.getData() != null && s.getData().containsKey("kubeconfig");
        });
        String published = decode(harness.secret("default", "pv-e2e-seed-conn"), "kubeconfig");
        HttpResponse<String> version = KubeconfigClients.get(published, "/version");
        assertEquals(200, version.statusCode(), "the published kubeconfig reaches the cluster's API server");
        assertEquals(
                "https://pv-e2e-seed-control-plane:6443/",
                Config.fromKubeconfig(decode(harness.secret("default", "pv-e2e-seed-conn"), "internalKubeconfig"))
                        .getMasterUrl(),
                "the internal kubeconfig names the control-plane node on the kind network");

        harness.changeKindConfig("pv-e2e-seed", TestKindClusters.SEED_CONFIG + "- role: worker\n");
        harness.awaitCondition("pv-e2e-seed", DriftAlerts.CONDITION, "True", Drift.CONFIG_CHANGED, REAL_PARTS_WAIT);

        stopNodesOf("pv-e2e-seed");
        harness.awaitCondition("pv-e2e-seed", DriftAlerts.CONDITION, "True", "SeveralDrifts", REAL_PARTS_WAIT);
        // an alert is told once the status recording it is written, so its Event follows the condition
        waitUpTo(REAL_PARTS_WAIT, "the second drift's Event")
                .until(() -> harness.eventCount("pv-e2e-seed", "Warning DriftDetected") >= 2);
        holdsFor(
                "one Event per distinct drift, no more",
                Duration.ofSeconds(3),
                () -> harness.eventCount("pv-e2e-seed", "Warning DriftDetected") == 2);
        assertTrue(kindserver.client().find("pv-e2e-seed").isPresent(), "drift deleted nothing");
        assertEquals(1, KindContainers.of("pv-e2e-seed").size(), "and re-created nothing");

        harness.client().resource(harness.get("pv-e2e-seed")).delete();
        waitUpTo(CREATE, "the KindCluster is gone").until(() -> harness.get("pv-e2e-seed") == null);
        assertTrue(kindserver.client().find("pv-e2e-seed").isEmpty(), "kindserver no longer has the cluster");
        assertTrue(KindContainers.of("pv-e2e-seed").isEmpty(), "no node container is left");
    }

    @Test
    void kindserverRestartIsAnErrorThatHealsWithTheClusterIntact() {
        harness.apply(cluster("pv-e2e-flaky", DeletionPolicy.Delete, null));
        harness.awaitCondition("pv-e2e-flaky", "Ready", "True", "Available", CREATE);

        kindserver.stop();
        harness.awaitCondition("pv-e2e-flaky", "Synced", "False", "ReconcileError", REAL_PARTS_WAIT);
        assertTrue(
                harness.condition("pv-e2e-flaky", "Synced")
                        .orElseThrow()
                        .message()
                        .contains("is kindserver running"),
                harness.condition("pv-e2e-flaky", "Synced").orElseThrow().message());
        kindserver.restart();

        harness.awaitCondition("pv-e2e-flaky", "Synced", "True", "ReconcileSuccess", Duration.ofMinutes(2));
        assertEquals(
                "True", harness.condition("pv-e2e-flaky", "Ready").orElseThrow().status());
        assertEquals(1, KindContainers.of("pv-e2e-flaky").size());
    }

    @Test
    void providerRestartInTheMiddleOfACreateMakesOneCluster() {
        harness.apply(cluster("pv-e2e-restart", DeletionPolicy.Delete, null));
        waitUpTo(REAL_PARTS_WAIT, "kindserver is creating it")
                .until(() -> kindserver
                        .client()
                        .find("pv-e2e-restart")
                        .map(c -> c.phase() == ClusterPhase.Creating)
                        .orElse(false));
        harness.stopProvider();
        KindCluster crashed = harness.get("pv-e2e-restart");
        Map<String, String> annotations = new HashMap<>(crashed.getMetadata().getAnnotations());
        annotations.remove(Annotations.EXTERNAL_CREATE_SUCCEEDED);
        crashed.getMetadata().setAnnotations(annotations);
        harness.client().resource(crashed).update();

        harness.start(SETTINGS, new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30)));

        harness.awaitCondition("pv-e2e-restart", "Ready", "True", "Available", CREATE);
        assertEquals(
                1,
                kindserver.client().list().stream()
                        .filter(c -> c.name().equals("pv-e2e-restart"))
                        .count());
        assertEquals(1, KindContainers.of("pv-e2e-restart").size(), "one control-plane container: created once");
    }

    @Test
    void aCreateInterruptedByAKindserverCrashIsMadeAgainAndEndsReadyWithOneNode(@TempDir Path crashDir)
            throws Exception {
        String name = "pv-e2e-healed";
        // kind's steps take 2 s, so that the crash comes in the middle of the create; the API ports are
        // apart from the shared kindserver's, which runs on the same Docker engine
        KindServerProcess crashing = new KindServerProcess(Files.createDirectories(crashDir.resolve("state")))
                .withEnvironment(KindDouble.STEP_SECONDS, "2")
                .withEnvironment("KINDSERVER_API_PORT_RANGE", "37000-37099")
                .start();
        try {
            onKindServerProcess(crashing);
            harness.apply(clusterOn(name, "crashing"));
            waitUpTo(REAL_PARTS_WAIT, "kind to have made nodes, in the middle of the create")
                    .until(() -> !KindContainers.of(name).isEmpty()
                            && crashing.client()
                                    .find(name)
                                    .map(c -> c.phase() == ClusterPhase.Creating)
                                    .orElse(false));

            crashing.kill();
            crashing.start();

            harness.awaitCondition(name, "Ready", "True", "Available", CREATE);
            List<String> events = harness.events(name);
            assertTrue(
                    events.stream()
                            .anyMatch(e -> e.contains(
                                            "kind could not create the cluster: kindserver stopped " + "during create")
                                    && e.contains("kindserver is creating it again (attempt 2)")),
                    "the create failed and was made again: " + events);
            assertEquals(
                    ClusterPhase.Ready,
                    crashing.client().find(name).orElseThrow().phase());
            assertEquals(1, KindContainers.of(name).size(), "one control-plane container: the failed one's went first");
        } finally {
            // stopped first, so that no kind process of it is still making nodes when they are removed
            crashing.close();
            KindContainers.removeAll(name);
        }
    }

    @Test
    void existingClusterIsImportedByExternalNameAndOrphanedOnDelete() {
        kindserver.client().create("pv-e2e-legacy", TestKindClusters.SEED_CONFIG);
        waitUpTo(CREATE, "the cluster made outside the provider is ready")
                .until(() -> kindserver
                        .client()
                        .find("pv-e2e-legacy")
                        .map(c -> c.phase() == ClusterPhase.Ready)
                        .orElse(false));
        KindCluster imported = cluster("pv-e2e-imported", DeletionPolicy.Orphan, null);
        imported.getMetadata()
                .setAnnotations(Map.of(Annotations.EXTERNAL_NAME, "pv-e2e-legacy", Annotations.PAUSED, "true"));
        harness.apply(imported);
        harness.awaitCondition("pv-e2e-imported", "Synced", "False", "ReconcilePaused", REAL_PARTS_WAIT);

        KindCluster resumed = harness.get("pv-e2e-imported");
        resumed.getMetadata().setAnnotations(Map.of(Annotations.EXTERNAL_NAME, "pv-e2e-legacy"));
        harness.client().resource(resumed).update();

        harness.awaitCondition("pv-e2e-imported", "Ready", "True", "Available", REAL_PARTS_WAIT);
        assertEquals(
                "False",
                harness.condition("pv-e2e-imported", DriftAlerts.CONDITION)
                        .orElseThrow()
                        .status());
        harness.client().resource(harness.get("pv-e2e-imported")).delete();
        waitUpTo(REAL_PARTS_WAIT, "the KindCluster is gone").until(() -> harness.get("pv-e2e-imported") == null);
        assertTrue(kindserver.client().find("pv-e2e-legacy").isPresent(), "Orphan keeps the cluster");
        assertEquals(1, KindContainers.of("pv-e2e-legacy").size());
    }

    private static KindCluster cluster(String name, DeletionPolicy deletion, SecretReference connection) {
        KindCluster cluster = TestKindClusters.applied(
                name, TestKindClusters.SEED_CONFIG, connection, deletion, List.of(ManagementAction.All));
        cluster.setSpec(new KindClusterSpec(cluster.getSpec().forProvider(), null, connection, deletion, null));
        return cluster;
    }

    /**
     * The provider again, with ProviderConfig "crashing" naming a kindserver run as its own process (so that it
     * can be killed). That process keeps its password to itself, so the provider is given the process's own
     * client for its URL; everything else goes through the SDK as usual.
     */
    private void onKindServerProcess(KindServerProcess process) {
        String url = process.baseUrl().toString();
        SdkKindServerClientFactory sdk = new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30));
        harness.stopProvider();
        harness.start(SETTINGS, connection -> connection.url().equals(url) ? process.client() : sdk.create(connection));
        harness.applyProviderConfig(
                "crashing", new KindServerEndpoint(url, process.caPem(), null), "known to the process only", null);
    }

    private static KindCluster clusterOn(String name, String providerConfig) {
        KindCluster cluster = cluster(name, DeletionPolicy.Delete, null);
        cluster.setSpec(new KindClusterSpec(
                cluster.getSpec().forProvider(), new Reference(providerConfig), null, DeletionPolicy.Delete, null));
        return cluster;
    }

    private static void stopNodesOf(String cluster) {
        try (DockerClient docker = DockerEngine.client()) {
            KindContainers.of(cluster)
                    .forEach(c ->
                            docker.stopContainerCmd(c.getId()).withTimeout(5).exec());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
