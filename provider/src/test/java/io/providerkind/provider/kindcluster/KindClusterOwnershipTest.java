package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.EventRecorder;
import io.providerkind.provider.managed.ExternalObservation;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.sdk.ClusterPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kind cluster names are global per Docker host: a KindCluster takes only a cluster kindserver keeps for it (or for
 * nobody), and leaves every other owner's cluster alone, except to observe it when told to.
 */
class KindClusterOwnershipTest {

    private static final String URL = "https://127.0.0.1:7443/api/v1/kindserver";
    private static final ClusterOwners HERE = new ClusterOwners("management-cluster-a");
    private static final ClusterOwners ELSEWHERE = new ClusterOwners("management-cluster-b");
    private static final String SOMEONE = "management-cluster-b/another-kindcluster";

    private final FakeKindServer kindserver = new FakeKindServer();
    private final DriftWebhook webhook = new DriftWebhook();

    @AfterEach
    void closeWebhook() {
        webhook.close();
    }

    @Test
    void aCreateNamesThisManagementClusterAndThisKindClusterAsTheOwner() {
        KindCluster cluster = cluster("dev");

        external(HERE).create(cluster);

        assertEquals("management-cluster-a/" + cluster.getMetadata().getUid(), kindserver.owner("dev"));
    }

    @Test
    void aClusterOfAnotherOwnerFailsTheObserveNamingTheOwnerAndIsNeverReady() {
        kindserver.existing("dev", TestKindClusters.SEED_CONFIG, SOMEONE);
        KindCluster mine = cluster("dev");

        KindServerFailure failure =
                assertThrows(KindServerFailure.class, () -> external(HERE).observe(mine));

        assertTrue(
                failure.getMessage()
                        .startsWith("kind cluster \"dev\" at kindserver " + URL + " belongs to owner \"" + SOMEONE
                                + "\", not to this KindCluster"),
                failure.getMessage());
        Condition ready = Conditions.find(mine, Conditions.READY).orElseThrow();
        assertEquals("False", ready.status());
        assertEquals(failure.getMessage(), ready.message());
        assertNull(mine.atProvider().phase(), "nothing of the other owner's cluster is shown");
        assertNull(mine.atProvider().endpoint());
        assertEquals(0, kindserver.creates.get());
        assertEquals(0, kindserver.deletes.get());
    }

    @Test
    void twoKindClustersNamingOneClusterNeverShareIt() {
        KindCluster first = cluster("shared");
        KindCluster second = cluster("shared");
        external(HERE).create(first);
        kindserver.ready("shared");

        ExternalObservation ofFirst = external(HERE).observe(first);
        KindServerFailure ofSecond =
                assertThrows(KindServerFailure.class, () -> external(HERE).observe(second));

        assertTrue(ofFirst.resourceExists());
        assertFalse(ofFirst.connectionDetails().isEmpty(), "the owner gets the kubeconfig");
        assertTrue(ofSecond.getMessage().contains(HERE.of(first)), ofSecond.getMessage());
    }

    @Test
    void theSameKindClusterOnAnotherManagementClusterIsAnotherOwner() {
        KindCluster here = cluster("dev");
        external(HERE).create(here);
        kindserver.ready("dev");

        KindServerFailure there =
                assertThrows(KindServerFailure.class, () -> external(ELSEWHERE).observe(here));

        assertTrue(there.getMessage().contains(HERE.of(here)), there.getMessage());
    }

    @Test
    void aCreateThatLosesTheNameToAnotherOwnerSaysWhoHasIt() {
        KindCluster mine = cluster("dev");
        kindserver.existing("dev", TestKindClusters.SEED_CONFIG, SOMEONE);

        KindServerFailure failure =
                assertThrows(KindServerFailure.class, () -> external(HERE).create(mine));

        assertTrue(failure.getMessage().contains("HTTP 409"), failure.getMessage());
        assertTrue(failure.getMessage().contains("belongs to owner \"" + SOMEONE + "\""), failure.getMessage());
    }

    @Test
    void aKindClusterBeingDeletedLetsGoOfAnotherOwnersClusterWithoutDeletingIt() {
        kindserver.existing("dev", TestKindClusters.SEED_CONFIG, SOMEONE);
        KindCluster mine = cluster("dev");
        mine.getMetadata().setDeletionTimestamp("2026-12-02T10:00:00Z");

        ExternalObservation observation = external(HERE).observe(mine);

        assertFalse(observation.resourceExists(), "absent to this KindCluster: its finalizer may go");
        assertEquals(ClusterPhase.Ready, kindserver.phase("dev"));
        assertEquals(0, kindserver.deletes.get());
    }

    @Test
    void anObserveOnlyKindClusterImportsAnotherOwnersClusterWithItsConnectionDetails() {
        kindserver.existing("dev", TestKindClusters.SEED_CONFIG, SOMEONE);
        KindCluster observing = TestKindClusters.applied(
                "importer",
                TestKindClusters.SEED_CONFIG,
                null,
                DeletionPolicy.Orphan,
                List.of(ManagementAction.Observe));
        observing.getMetadata().setUid("importer-uid");
        Annotations.setExternalName(observing, "dev");

        ExternalObservation observation = external(HERE).observe(observing);

        assertTrue(observation.resourceExists());
        assertTrue(observation.connectionDetails().values().containsKey(ClusterObservations.KUBECONFIG));
        assertEquals(
                "True",
                Conditions.find(observing, Conditions.READY).orElseThrow().status());
        assertEquals(SOMEONE, kindserver.owner("dev"), "observing takes nothing");
    }

    @Test
    void aClusterWithoutOwnerIsTakenAsBeforeAndAdoptedByASameConfigCreate() {
        kindserver.existing("legacy", TestKindClusters.SEED_CONFIG);
        KindCluster mine = cluster("legacy");

        ExternalObservation observation = external(HERE).observe(mine);
        assertTrue(observation.resourceExists());
        assertEquals(
                "True", Conditions.find(mine, Conditions.READY).orElseThrow().status());

        external(HERE).create(mine);
        assertEquals(HERE.of(mine), kindserver.owner("legacy"));
    }

    private KindClusterExternal external(ClusterOwners owners) {
        return new KindClusterExternal(
                kindserver,
                new KindServerChanges<>("not-started"),
                URL,
                new DriftAlerts(quietly(), new SimpleMeterRegistry(), webhook, Clock.systemUTC()),
                null,
                FailedCreateRetries.upTo(Duration.ofSeconds(10), Clock.systemUTC()),
                Clock.systemUTC(),
                owners,
                new ImageLoadFailures(quietly()));
    }

    private static KindCluster cluster(String externalName) {
        KindCluster cluster = TestKindClusters.stored("kc-" + externalName);
        Annotations.setExternalName(cluster, externalName);
        return cluster;
    }

    private static EventRecorder quietly() {
        return new EventRecorder() {
            @Override
            public void normal(HasMetadata about, String reason, String message) {}

            @Override
            public void warning(HasMetadata about, String reason, String message) {}
        };
    }
}
