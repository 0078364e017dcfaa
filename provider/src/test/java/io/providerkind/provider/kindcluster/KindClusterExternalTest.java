package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.ExternalObservation;
import io.providerkind.provider.managed.MutableClock;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.RecordingEvents;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ConfigHash;
import io.providerkind.sdk.ServerErrorException;
import io.providerkind.sdk.ThrottledException;
import io.providerkind.sdk.UnauthorizedException;
import io.providerkind.sdk.UnreachableException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a KindCluster reads what kindserver reports, and what it does not do about it. */
class KindClusterExternalTest {

    private static final String URL = "https://127.0.0.1:7443/api/v1/kindserver";
    private static final Duration POLL = Duration.ofSeconds(10);
    private static final String NODES_EXIST =
            "ERROR: failed to create cluster: node(s) already exist for a cluster with the name";

    private final FakeKindServer kindserver = new FakeKindServer();
    private final RecordingEvents recorded = new RecordingEvents();
    private final List<String> events = recorded.events;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DriftWebhook webhook = new DriftWebhook();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final KindClusterExternal external = new KindClusterExternal(
            kindserver,
            new KindServerChanges<>("not-started"),
            URL,
            new DriftAlerts(recorded, registry, webhook, Clock.systemUTC()),
            null,
            FailedCreateRetries.upTo(POLL, clock),
            Clock.systemUTC(),
            new ClusterOwners("management-cluster-uid"),
            new ImageLoadFailures(recorded));

    @AfterEach
    void closeWebhook() {
        webhook.close();
    }

    @Test
    void unknownClusterIsAbsentAndMayBeCreated() {
        ExternalObservation observation = external.observe(cluster("new"));

        assertFalse(observation.resourceExists());
        assertEquals(null, observation.createRefusal());
    }

    @Test
    void creatingClusterShowsKindsStep() {
        KindCluster cluster = cluster("dev");
        external.create(cluster);
        kindserver.progress("dev", 3, "Writing configuration 📜");

        ExternalObservation observation = external.observe(cluster);

        assertTrue(observation.resourceExists());
        assertEquals("Creating", cluster.atProvider().phase());
        assertEquals("3/6 Writing configuration 📜", cluster.atProvider().progress());
        Condition ready = Conditions.find(cluster, Conditions.READY).orElseThrow();
        assertEquals("Creating", ready.reason());
        assertEquals("kind is creating the cluster: step 3/6 Writing configuration 📜", ready.message());
        assertTrue(observation.connectionDetails().isEmpty(), "no kubeconfig before Ready");
    }

    @Test
    void readyClusterIsAvailableWithItsAddressVersionAndConnectionDetails() {
        KindCluster cluster = cluster("dev");
        external.create(cluster);
        kindserver.ready("dev");

        ExternalObservation observation = external.observe(cluster);

        assertEquals(
                "Available",
                Conditions.find(cluster, Conditions.READY).orElseThrow().reason());
        assertEquals(FakeKindServer.INTERNAL_IP, cluster.atProvider().internalIP());
        assertEquals(FakeKindServer.VERSION, cluster.atProvider().kubernetesVersion());
        assertEquals(null, cluster.atProvider().progress());
        assertEquals(
                List.of("clientCert", "clientKey", "clusterCA", "endpoint", "internalKubeconfig", "kubeconfig"),
                List.copyOf(observation.connectionDetails().values().keySet()));
        String kubeconfig =
                new String(observation.connectionDetails().values().get("kubeconfig"), StandardCharsets.UTF_8);
        assertTrue(kubeconfig.contains("server: " + cluster.atProvider().endpoint()));
        String internal =
                new String(observation.connectionDetails().values().get("internalKubeconfig"), StandardCharsets.UTF_8);
        assertTrue(internal.contains("server: https://dev-control-plane:6443"), internal);
        assertEquals(
                "False",
                Conditions.find(cluster, DriftAlerts.CONDITION).orElseThrow().status());
    }

    @Test
    void failedCreationIsUnavailableWithKindsWordsAndCreatedAgainAtOnce() {
        KindCluster cluster = failedCluster("dev");

        RuntimeException failure = assertThrows(FailedCreateException.class, () -> external.observe(cluster));

        Condition ready = Conditions.find(cluster, Conditions.READY).orElseThrow();
        assertEquals("Unavailable", ready.reason());
        assertTrue(ready.message().contains("node(s) already exist"), ready.message());
        assertEquals("Failed", cluster.atProvider().phase());
        assertEquals(
                "kind could not create the cluster: " + NODES_EXIST + "; kindserver is creating it again (attempt 2)",
                failure.getMessage());
        assertEquals(2, kindserver.creates.get(), "the failed create, then one more");
        assertEquals(ClusterPhase.Creating, kindserver.phase("dev"));
        assertEquals(List.of("dev"), kindserver.createdNames, "the same cluster, not a second one");
    }

    @Test
    void observesBeforeTheNextAttemptIsDueCreateNothingAndSayWhenItIs() {
        KindCluster cluster = failedCluster("dev");
        assertThrows(FailedCreateException.class, () -> external.observe(cluster));
        kindserver.fail("dev", NODES_EXIST);
        clock.advance(Duration.ofMillis(400));

        RuntimeException first = assertThrows(FailedCreateException.class, () -> external.observe(cluster));
        RuntimeException second = assertThrows(FailedCreateException.class, () -> external.observe(cluster));

        assertEquals(
                "kind could not create the cluster: " + NODES_EXIST + "; next attempt (3) in 1s", first.getMessage());
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(2, kindserver.creates.get());
        assertEquals(ClusterPhase.Failed, kindserver.phase("dev"));
    }

    @Test
    void failedCreatesAreMadeAgainAfterOneTwoFourSecondsAndNeverLaterThanThePollInterval() {
        KindCluster cluster = failedCluster("dev");
        assertThrows(FailedCreateException.class, () -> external.observe(cluster));
        List<Duration> waits = new ArrayList<>();

        for (int attempt = 3; attempt <= 8; attempt++) {
            kindserver.fail("dev", NODES_EXIST);
            waits.add(untilTheNextCreate(cluster));
        }

        assertEquals(
                List.of(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        POLL,
                        POLL),
                waits,
                "1 s doubling, capped at the poll interval (" + POLL + ")");
        assertEquals(8, kindserver.creates.get());
    }

    @Test
    void aClusterThatBecameReadyStartsAgainAtOnceIfItFailsLater() {
        KindCluster cluster = failedCluster("dev");
        assertThrows(FailedCreateException.class, () -> external.observe(cluster));
        kindserver.fail("dev", NODES_EXIST);
        clock.advance(Duration.ofSeconds(1));
        assertThrows(FailedCreateException.class, () -> external.observe(cluster));
        kindserver.ready("dev");
        external.observe(cluster);
        kindserver.fail("dev", NODES_EXIST);

        RuntimeException failure = assertThrows(FailedCreateException.class, () -> external.observe(cluster));

        assertTrue(failure.getMessage().endsWith("kindserver is creating it again (attempt 2)"), failure.getMessage());
        assertEquals(4, kindserver.creates.get());
    }

    @Test
    void aFailedClusterWhoseConfigChangedIsNotCreatedAgainAndTheMessageSaysWhatToDo() {
        KindCluster cluster = failedCluster("dev");
        String changedConfig = TestKindClusters.SEED_CONFIG + "- role: worker\n";
        cluster.setSpec(TestKindClusters.applied("dev", changedConfig).getSpec());

        RuntimeException failure = assertThrows(FailedCreateException.class, () -> external.observe(cluster));

        assertEquals(
                "kind could not create the cluster: " + NODES_EXIST + "; it is not created again because "
                        + "spec.forProvider.kindConfig (sha256 "
                        + DriftDetector.abbreviated(ConfigHash.of(changedConfig)) + ") changed since that create "
                        + "(sha256 " + DriftDetector.abbreviated(ConfigHash.of(TestKindClusters.SEED_CONFIG))
                        + "): restore the kindConfig to create it again, or delete this KindCluster and apply it "
                        + "again to create it with the new one",
                failure.getMessage());
        assertEquals(1, kindserver.creates.get());
        assertEquals(ClusterPhase.Failed, kindserver.phase("dev"));
    }

    @Test
    void anObserveOnlyKindClusterLeavesAFailedClusterAsItIs() {
        kindserver.create("legacy", TestKindClusters.SEED_CONFIG);
        kindserver.fail("legacy", NODES_EXIST);
        KindCluster imported = TestKindClusters.stored("imported");
        imported.setSpec(TestKindClusters.applied(
                        "imported",
                        TestKindClusters.SEED_CONFIG,
                        null,
                        DeletionPolicy.Orphan,
                        List.of(ManagementAction.Observe))
                .getSpec());
        Annotations.setExternalName(imported, "legacy");

        ExternalObservation observation = external.observe(imported);

        assertTrue(observation.resourceExists());
        assertTrue(Conditions.find(imported, Conditions.READY)
                .orElseThrow()
                .message()
                .contains("node(s) already exist"));
        assertEquals(1, kindserver.creates.get());
    }

    @Test
    void aKindClusterBeingDeletedDoesNotCreateItsFailedClusterAgain() {
        KindCluster cluster = failedCluster("dev");
        cluster.getMetadata().setDeletionTimestamp("2026-12-02T10:00:00Z");

        ExternalObservation observation = external.observe(cluster);

        assertTrue(observation.resourceExists(), "there is a failed cluster to delete");
        assertEquals(1, kindserver.creates.get());
    }

    @Test
    void changedConfigIsDriftThatIsReportedNotActedOn() {
        KindCluster cluster = cluster("dev");
        external.create(cluster);
        kindserver.ready("dev");
        external.observe(cluster);
        KindCluster changed = TestKindClusters.applied("dev", TestKindClusters.SEED_CONFIG + "- role: worker\n");
        cluster.setSpec(changed.getSpec());

        ExternalObservation first = observeAndWrite(cluster);
        observeAndWrite(cluster);

        assertTrue(first.resourceUpToDate(), "nothing for Update to do: kind clusters cannot change in place");
        Condition drifted = Conditions.find(cluster, DriftAlerts.CONDITION).orElseThrow();
        assertEquals(Drift.CONFIG_CHANGED, drifted.reason());
        assertTrue(
                drifted.message()
                        .contains("sha256 " + DriftDetector.abbreviated(ConfigHash.of(TestKindClusters.SEED_CONFIG))),
                drifted.message());
        assertEquals(List.of("Warning DriftDetected"), recorded.reasons(), "alerted once, not per observation");
        assertEquals(1, kindserver.creates.get());
        assertEquals(0, kindserver.deletes.get());
    }

    @Test
    void vanishedClusterIsNotToBeCreatedAgain() {
        KindCluster cluster = cluster("dev");
        external.create(cluster);
        kindserver.ready("dev");
        external.observe(cluster);
        kindserver.vanish("dev");

        ExternalObservation observation = observeAndWrite(cluster);
        observeAndWrite(cluster);

        assertFalse(observation.resourceExists());
        assertNotNull(observation.createRefusal());
        assertTrue(observation.createRefusal().contains("not re-created automatically"));
        assertEquals(KindClusterExternal.VANISHED, cluster.atProvider().phase());
        assertEquals(FakeKindServer.INTERNAL_IP, cluster.atProvider().internalIP(), "last known address kept");
        assertEquals(
                Drift.CLUSTER_VANISHED,
                Conditions.find(cluster, DriftAlerts.CONDITION).orElseThrow().reason());
        assertEquals(1, driftDetectedEvents());
    }

    @Test
    void driftIsToldOnlyOnceTheStatusRecordingItIsWritten() {
        KindCluster cluster = readyCluster("dev");
        kindserver.stopNodes("dev");

        ExternalObservation observation = external.observe(cluster);

        assertEquals(List.of(), events, "Observe itself tells nothing");
        assertEquals(
                "NodesStopped(dev-control-plane)", cluster.atProvider().drift().fingerprint());
        observation.announcements().forEach(a -> a.announce());
        assertEquals(1, driftDetectedEvents());
    }

    @Test
    void aCopyReadBeforeTheDriftWasRecordedWouldAlertAgainSoItsStatusWriteMustGateTheAlert() {
        KindCluster cluster = readyCluster("dev");
        // the same KindCluster (same UID, so the same owner) as read before the drift
        KindCluster staleCopy = cluster("dev");
        staleCopy.getMetadata().setUid(cluster.getMetadata().getUid());
        observeAndWrite(staleCopy);
        kindserver.stopNodes("dev");
        observeAndWrite(cluster);

        ExternalObservation fromStaleCopy = external.observe(staleCopy);

        assertEquals(1, fromStaleCopy.announcements().size(), "the stale copy does not know the drift was alerted");
        assertEquals(
                1,
                driftDetectedEvents(),
                "and has told nothing: the reconciler drops it when the status write is refused");
    }

    @Test
    void oneDriftWordedTwoWaysIsAlertedOnce() {
        KindCluster cluster = readyCluster("dev");
        kindserver.stopNodes("dev", "restarting");
        observeAndWrite(cluster);
        kindserver.stopNodes("dev", "exited");

        observeAndWrite(cluster);

        assertTrue(
                Conditions.find(cluster, DriftAlerts.CONDITION)
                        .orElseThrow()
                        .message()
                        .contains("(exited)"),
                "the condition shows the latest wording");
        assertEquals(1, driftDetectedEvents());
        assertEquals(
                1.0,
                registry.counter("provider_kind_drift_alerts", "reason", Drift.NODES_STOPPED)
                        .count());
    }

    @Test
    void aSecondDriftIsAlertedAndCountedAloneAndItsResolutionOnce() {
        KindCluster cluster = readyCluster("dev");
        cluster.setSpec(TestKindClusters.applied("dev", TestKindClusters.SEED_CONFIG + "- role: worker\n")
                .getSpec());
        observeAndWrite(cluster);
        kindserver.stopNodes("dev");
        observeAndWrite(cluster);
        cluster.setSpec(
                TestKindClusters.applied("dev", TestKindClusters.SEED_CONFIG).getSpec());
        kindserver.ready("dev");

        observeAndWrite(cluster);
        observeAndWrite(cluster);

        assertEquals(2, driftDetectedEvents());
        assertEquals(
                1.0,
                registry.counter("provider_kind_drift_alerts", "reason", Drift.CONFIG_CHANGED)
                        .count());
        assertEquals(
                1.0,
                registry.counter("provider_kind_drift_alerts", "reason", Drift.NODES_STOPPED)
                        .count());
        assertEquals(
                1,
                events.stream()
                        .filter(e -> e.startsWith("Normal DriftResolved"))
                        .count());
        assertEquals(null, cluster.atProvider().drift());
    }

    @Test
    void aKindClusterBeingDeletedRaisesNoDriftWhenItsClusterIsGone() {
        KindCluster cluster = readyCluster("dev");
        cluster.getMetadata().setDeletionTimestamp("2026-12-02T10:00:00Z");
        kindserver.vanish("dev");

        ExternalObservation observation = observeAndWrite(cluster);

        assertFalse(observation.resourceExists());
        assertEquals(null, observation.createRefusal());
        assertEquals(List.of(), events);
        assertEquals(
                "False",
                Conditions.find(cluster, DriftAlerts.CONDITION).orElseThrow().status());
    }

    @Test
    void anObserveOnlyImportRaisesNoDrift() {
        kindserver.existing("legacy", TestKindClusters.SEED_CONFIG + "- role: worker\n");
        KindCluster imported = TestKindClusters.applied(
                "legacy", TestKindClusters.SEED_CONFIG, null, DeletionPolicy.Orphan, List.of(ManagementAction.Observe));
        Annotations.setExternalName(imported, "legacy");
        kindserver.stopNodes("legacy");

        observeAndWrite(imported);

        assertEquals(List.of(), events);
        assertEquals(null, imported.atProvider().drift());
    }

    @Test
    void updateIsAskedForOnlyAnAbsentClusterWhosePoliciesForbidCreateAndSaysSo() {
        KindCluster cluster = TestKindClusters.applied(
                "absent",
                TestKindClusters.SEED_CONFIG,
                null,
                DeletionPolicy.Delete,
                List.of(ManagementAction.Observe, ManagementAction.Update));
        Annotations.setExternalName(cluster, "absent");

        RuntimeException failure = assertThrows(RuntimeException.class, () -> external.update(cluster));

        assertEquals(
                "kind cluster \"absent\" does not exist, and this KindCluster's management policies do not "
                        + "include Create",
                failure.getMessage());
        assertEquals(0, kindserver.creates.get());
    }

    @Test
    void clusterCreatedButNeverObservedIsAlsoNotCreatedAgainWhenGone() {
        KindCluster cluster = cluster("dev");
        Annotations.setCreateSucceeded(cluster, java.time.Instant.now());

        ExternalObservation observation = external.observe(cluster);

        assertNotNull(observation.createRefusal());
    }

    @Test
    void unreachableKindserverIsAnErrorThatSaysWhereAndWhatToCheck() {
        kindserver.failWith(new UnreachableException("connect timed out", new ConnectException()));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> external.observe(cluster("dev")));

        assertEquals(
                "cannot reach kindserver at " + URL + ": connect timed out (is kindserver running, and can the "
                        + "provider reach that address?)",
                failure.getMessage());
    }

    @Test
    void refusedPasswordPointsAtTheCredentials() {
        kindserver.failWith(new UnauthorizedException(401, "unauthorized"));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> external.observe(cluster("dev")));

        assertTrue(failure.getMessage().contains("refused the password (HTTP 401)"), failure.getMessage());
        assertFalse(failure.getMessage().contains(FakeKindServer.INTERNAL_IP));
    }

    @Test
    void throttledAddressSaysHowLongAndPointsAtTheCredentials() {
        kindserver.failWith(new ThrottledException(429, "too many wrong passwords", Duration.ofSeconds(16)));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> external.observe(cluster("dev")));

        assertTrue(
                failure.getMessage()
                        .contains("refuses calls from the provider's address for 16 s after too many wrong"
                                + " passwords (HTTP 429): check the credentials"),
                failure.getMessage());
    }

    @Test
    void serverErrorCarriesKindserversMessage() {
        kindserver.failWith(new ServerErrorException(503, "docker engine not answering"));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> external.create(cluster("dev")));

        assertEquals("kindserver at " + URL + " failed (HTTP 503): docker engine not answering", failure.getMessage());
    }

    @Test
    void deleteOfAGoneClusterIsFine() {
        external.delete(cluster("gone"));

        assertEquals(1, kindserver.deletes.get());
    }

    private long driftDetectedEvents() {
        return events.stream()
                .filter(e -> e.startsWith("Warning DriftDetected"))
                .count();
    }

    /** Observes, then does what the reconciler does once the status is written: tells the announcements. */
    private ExternalObservation observeAndWrite(KindCluster cluster) {
        ExternalObservation observation = external.observe(cluster);
        observation.announcements().forEach(a -> a.announce());
        return observation;
    }

    /** A KindCluster whose first create kind reported Failed (kindserver stopped in the middle, say). */
    private KindCluster failedCluster(String name) {
        KindCluster cluster = cluster(name);
        external.create(cluster);
        kindserver.fail(name, NODES_EXIST);
        return cluster;
    }

    /**
     * Moves the clock a quarter second at a time up to the point where observing creates the failed cluster
     * again, and answers how long that took; observing before then must create nothing.
     */
    private Duration untilTheNextCreate(KindCluster cluster) {
        int creates = kindserver.creates.get();
        Duration waited = Duration.ZERO;
        while (true) {
            assertThrows(FailedCreateException.class, () -> external.observe(cluster));
            if (kindserver.creates.get() > creates) {
                assertEquals(creates + 1, kindserver.creates.get());
                return waited;
            }
            assertTrue(waited.compareTo(POLL) <= 0, "no create within the poll interval");
            Duration step = Duration.ofMillis(250);
            clock.advance(step);
            waited = waited.plus(step);
        }
    }

    /** A KindCluster whose cluster kindserver made and reports Ready, observed once. */
    private KindCluster readyCluster(String name) {
        return readyCluster(name, name);
    }

    private KindCluster readyCluster(String name, String externalName) {
        KindCluster cluster = cluster(name);
        Annotations.setExternalName(cluster, externalName);
        if (!kindserver.has(externalName)) {
            external.create(cluster);
            kindserver.ready(externalName);
        }
        observeAndWrite(cluster);
        return cluster;
    }

    private static KindCluster cluster(String name) {
        KindCluster cluster = TestKindClusters.stored(name);
        Annotations.setExternalName(cluster, name);
        return cluster;
    }
}
