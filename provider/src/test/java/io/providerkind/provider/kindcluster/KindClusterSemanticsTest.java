package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.sdk.ServerErrorException;
import io.providerkind.sdk.UnauthorizedException;
import io.providerkind.sdk.UnreachableException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crossplane's managed-resource semantics for KindClusters on a real API server, kindserver faked:
 * orphaning, pausing, importing by external name, a provider restart in the middle of a create,
 * kindserver failing and coming back, and a cluster that vanishes.
 */
class KindClusterSemanticsTest extends ProviderIntegrationTest {

    private ProviderHarness harness;
    private final FakeKindServer kindserver = new FakeKindServer();

    @BeforeEach
    void startProviderWithADefaultProviderConfig() {
        harness = startProvider(FAST_POLL, connection -> kindserver);
        harness.applyProviderConfig("default", null);
    }

    @Test
    void orphanedClusterOutlivesItsKindCluster() {
        harness.apply(cluster("keep", DeletionPolicy.Orphan, List.of(ManagementAction.All)));
        waitUpTo(WAIT, "kindserver creates keep").until(() -> kindserver.has("keep"));
        kindserver.ready("keep");
        harness.awaitCondition("keep", "Ready", "True", "Available", WAIT);

        harness.client().resource(harness.get("keep")).delete();

        waitUpTo(WAIT, "the KindCluster is gone").until(() -> harness.get("keep") == null);
        assertEquals(0, kindserver.deletes.get());
        assertTrue(kindserver.has("keep"));
    }

    @Test
    void pausedKindClusterIsNotReconciledUntilResumed() {
        KindCluster paused = cluster("paused", DeletionPolicy.Delete, List.of(ManagementAction.All));
        paused.getMetadata().setAnnotations(Map.of(Annotations.PAUSED, "true"));
        harness.apply(paused);

        harness.awaitCondition("paused", "Synced", "False", "ReconcilePaused", WAIT);
        holdsFor("kindserver is not asked", Duration.ofSeconds(3), () -> kindserver.callsFor("paused") == 0);
        assertTrue(harness.events("paused").stream().anyMatch(e -> e.startsWith("Normal ReconciliationPaused")));

        KindCluster resumed = harness.get("paused");
        Map<String, String> annotations = new HashMap<>(resumed.getMetadata().getAnnotations());
        annotations.remove(Annotations.PAUSED);
        resumed.getMetadata().setAnnotations(annotations);
        harness.client().resource(resumed).update();

        waitUpTo(WAIT, "kindserver creates it once resumed").until(() -> kindserver.has("paused"));
        harness.awaitCondition("paused", "Synced", "True", "ReconcileSuccess", WAIT);
    }

    @Test
    void namingAnExistingClusterImportsItWithoutCreating() {
        kindserver.existing("legacy", TestKindClusters.SEED_CONFIG);
        KindCluster imported = cluster("imported", DeletionPolicy.Orphan, List.of(ManagementAction.All));
        imported.getMetadata().setAnnotations(Map.of(Annotations.EXTERNAL_NAME, "legacy"));

        harness.apply(imported);

        harness.awaitCondition("imported", "Ready", "True", "Available", WAIT);
        assertEquals(0, kindserver.creates.get());
        assertEquals(
                FakeKindServer.INTERNAL_IP, harness.get("imported").atProvider().internalIP());
        assertEquals(
                "False",
                harness.condition("imported", DriftAlerts.CONDITION)
                        .orElseThrow()
                        .status(),
                "same config: no drift");
    }

    @Test
    void observeOnlyNeverCreatesButReportsTheMissingCluster() {
        harness.apply(cluster("watched", DeletionPolicy.Delete, List.of(ManagementAction.Observe)));

        harness.awaitCondition("watched", "Synced", "False", "ReconcileError", WAIT);
        assertEquals(
                "observe failed: external resource does not exist",
                harness.condition("watched", "Synced").orElseThrow().message());
        assertEquals(0, kindserver.creates.get());
    }

    @Test
    void restartInTheMiddleOfACreateDoesNotCreateTwice() {
        harness.apply(cluster("restart", DeletionPolicy.Delete, List.of(ManagementAction.All)));
        waitUpTo(WAIT, "kindserver creates it").until(() -> kindserver.has("restart"));
        harness.awaitCondition("restart", "Ready", "False", "Creating", WAIT);

        harness.stopProvider();
        // the crash came between asking kindserver and recording the answer: only "pending" is left
        KindCluster crashed = harness.get("restart");
        Map<String, String> annotations = new HashMap<>(crashed.getMetadata().getAnnotations());
        annotations.remove(Annotations.EXTERNAL_CREATE_SUCCEEDED);
        annotations.put(
                Annotations.EXTERNAL_CREATE_PENDING,
                Instant.now().plusSeconds(5).toString());
        crashed.getMetadata().setAnnotations(annotations);
        harness.client().resource(crashed).update();
        harness.start(FAST_POLL, connection -> kindserver);
        kindserver.progress("restart", 5, "Installing StorageClass");
        kindserver.ready("restart");

        harness.awaitCondition("restart", "Ready", "True", "Available", WAIT);
        assertEquals(1, kindserver.creates.get());
        assertEquals(List.of("restart"), kindserver.createdNames);
    }

    @Test
    void kindserverDownIsAnErrorThatHealsWithoutDeletingAnything() {
        harness.apply(cluster("flaky", DeletionPolicy.Delete, List.of(ManagementAction.All)));
        waitUpTo(WAIT, "kindserver creates it").until(() -> kindserver.has("flaky"));
        kindserver.ready("flaky");
        harness.awaitCondition("flaky", "Ready", "True", "Available", WAIT);

        kindserver.failWith(new UnreachableException("Connection refused", new ConnectException()));
        harness.awaitCondition("flaky", "Synced", "False", "ReconcileError", WAIT);
        String message = harness.condition("flaky", "Synced").orElseThrow().message();
        assertTrue(
                message.startsWith("observe failed: cannot reach kindserver at https://127.0.0.1:7443/api/v1/"
                        + "kindserver: Connection refused"),
                message);
        assertTrue(
                harness.events("flaky").stream().anyMatch(e -> e.startsWith("Warning CannotObserveExternalResource")));

        kindserver.failWith(new UnauthorizedException(401, "unauthorized"));
        waitUpTo(WAIT, "the 401 is explained")
                .until(() -> harness.condition("flaky", "Synced")
                        .orElseThrow()
                        .message()
                        .contains("refused the password"));
        kindserver.failWith(new ServerErrorException(500, "internal error"));
        waitUpTo(WAIT, "the 500 is explained")
                .until(() -> harness.condition("flaky", "Synced")
                        .orElseThrow()
                        .message()
                        .contains("failed (HTTP 500): internal error"));

        kindserver.recover();
        harness.awaitCondition("flaky", "Synced", "True", "ReconcileSuccess", Duration.ofSeconds(90));
        assertEquals("True", harness.condition("flaky", "Ready").orElseThrow().status());
        assertEquals(0, kindserver.deletes.get());
        assertEquals(1, kindserver.creates.get());
    }

    @Test
    void vanishedClusterIsReportedAndNotSilentlyRecreated() {
        harness.apply(cluster("lost", DeletionPolicy.Delete, List.of(ManagementAction.All)));
        waitUpTo(WAIT, "kindserver creates it").until(() -> kindserver.has("lost"));
        kindserver.ready("lost");
        harness.awaitCondition("lost", "Ready", "True", "Available", WAIT);

        kindserver.vanish("lost");

        harness.awaitCondition("lost", DriftAlerts.CONDITION, "True", Drift.CLUSTER_VANISHED, WAIT);
        harness.awaitCondition("lost", "Ready", "False", "Unavailable", WAIT);
        assertTrue(harness.condition("lost", "Synced").orElseThrow().message().contains("not re-created"));
        holdsFor("no second create", Duration.ofSeconds(3), () -> kindserver.creates.get() == 1);
        assertEquals(
                1,
                harness.events("lost").stream()
                        .filter(e -> e.startsWith("Warning DriftDetected"))
                        .count());
        assertEquals("Vanished", harness.get("lost").atProvider().phase());

        harness.client().resource(harness.get("lost")).delete();
        waitUpTo(WAIT, "deleting the KindCluster lets it go").until(() -> harness.get("lost") == null);
        assertEquals(0, kindserver.deletes.get(), "nothing left to delete");
    }

    private static KindCluster cluster(String name, DeletionPolicy deletion, List<ManagementAction> policies) {
        KindCluster cluster = TestKindClusters.applied(name, TestKindClusters.SEED_CONFIG, null, deletion, policies);
        cluster.setSpec(new KindClusterSpec(cluster.getSpec().forProvider(), null, null, deletion, policies));
        return cluster;
    }
}
