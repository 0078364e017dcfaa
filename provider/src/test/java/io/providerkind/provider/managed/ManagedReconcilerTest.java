package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.TestKindClusters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The managed reconciler's decision table for creating and observing, against a fake external client and API server. */
class ManagedReconcilerTest {

    private static ReconcilerHarness harnessFor(KindCluster cluster) {
        return new ReconcilerHarness(cluster);
    }

    private static ReconcilerHarness fresh() {
        return harnessFor(TestKindClusters.stored("dev"));
    }

    @Test
    void createsAnAbsentExternalResourceAndRecordsIt() {
        ReconcilerHarness h = fresh();

        Outcome outcome = h.reconcile();

        assertEquals(1, h.external.creates);
        assertEquals(new Outcome.PollAfter(ReconcilerHarness.POLL), outcome);
        assertEquals("dev", h.annotation(Annotations.EXTERNAL_NAME), "external name defaults to metadata.name");
        assertNotNull(h.annotation(Annotations.EXTERNAL_CREATE_PENDING));
        assertNotNull(h.annotation(Annotations.EXTERNAL_CREATE_SUCCEEDED));
        assertTrue(h.stored().getMetadata().getFinalizers().contains(ManagedReconciler.FINALIZER));
        assertEquals("Creating", h.condition(Conditions.READY).reason());
        assertEquals("ReconcileSuccess", h.condition(Conditions.SYNCED).reason());
        assertEquals(
                List.of("Normal CreatedExternalResource: Successfully requested creation of external resource"),
                h.events.events);
    }

    @Test
    void createsOnceWhenPolledTwice() {
        ReconcilerHarness h = fresh();
        h.reconcile();
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());

        h.reconcile();

        assertEquals(1, h.external.creates);
    }

    @Test
    void refusesToCreateAgainWhenTheLastCreateWasNeverRecorded() {
        KindCluster cluster = TestKindClusters.stored("dev");
        Annotations.setExternalName(cluster, "dev");
        Annotations.setCreatePending(cluster, java.time.Instant.parse("2025-03-31T10:00:03Z"));
        ReconcilerHarness h = harnessFor(cluster);

        Outcome outcome = h.reconcile();

        assertEquals(0, h.external.creates);
        assertEquals(0, h.external.connects, "nothing is asked of the external system");
        assertInstanceOf(Outcome.Done.class, outcome);
        assertEquals(
                ManagedReconciler.ERR_CREATE_INCOMPLETE,
                h.condition(Conditions.SYNCED).message());
        assertEquals("Creating", h.condition(Conditions.READY).reason());
        assertEquals(List.of("Warning CannotInitializeManagedResource"), h.events.reasons());
    }

    @Test
    void resolvesAnUnrecordedCreateByObservingWhenTheExternalNameIsDeterministic() {
        KindCluster cluster = TestKindClusters.stored("dev");
        Annotations.setExternalName(cluster, "dev");
        Annotations.setCreatePending(cluster, java.time.Instant.parse("2025-03-31T10:00:03Z"));
        ReconcilerHarness h = harnessFor(cluster).deterministicExternalName();
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());

        h.reconcile();

        assertEquals(0, h.external.creates, "the create that did happen is found, not repeated");
        assertEquals("ReconcileSuccess", h.condition(Conditions.SYNCED).reason());
    }

    @Test
    void connectFailureIsSyncedFalseWithTheCauseAndTouchesNothing() {
        ReconcilerHarness h = fresh();
        h.external.connectFailure = new IllegalStateException("cannot get ProviderConfig \"default\": not found");

        Outcome outcome = h.reconcile();

        assertInstanceOf(Outcome.RetryWithBackoff.class, outcome);
        assertEquals(0, h.external.observes);
        assertEquals("False", h.condition(Conditions.SYNCED).status());
        assertEquals("ReconcileError", h.condition(Conditions.SYNCED).reason());
        assertEquals(
                "connect failed: cannot get ProviderConfig \"default\": not found",
                h.condition(Conditions.SYNCED).message());
        assertEquals(List.of("Warning CannotConnectToProvider"), h.events.reasons());
    }

    @Test
    void observeFailureNeverLeadsToCreateOrDelete() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All));
        ReconcilerStates.markDeleted(h);
        h.external.observeFailure = new IllegalStateException("kindserver answered 503");

        Outcome outcome = h.reconcile();

        assertInstanceOf(Outcome.RetryWithBackoff.class, outcome);
        assertEquals(0, h.external.deletes);
        assertEquals(1, h.external.creates, "only the create of the setup");
        assertEquals(
                "observe failed: kindserver answered 503",
                h.condition(Conditions.SYNCED).message());
        assertTrue(h.stored().getMetadata().getFinalizers().contains(ManagedReconciler.FINALIZER));
    }

    @Test
    void createFailureIsRecordedSoTheNextReconcileTriesAgain() {
        ReconcilerHarness h = fresh();
        h.external.createFailure = new IllegalStateException("kindserver rejected the config");

        Outcome failed = h.reconcile();

        assertInstanceOf(Outcome.RetryWithBackoff.class, failed);
        assertNotNull(h.annotation(Annotations.EXTERNAL_CREATE_FAILED));
        assertEquals(
                "create failed: kindserver rejected the config",
                h.condition(Conditions.SYNCED).message());
        assertEquals("Creating", h.condition(Conditions.READY).reason());
        assertEquals(List.of("Warning CannotCreateExternalResource"), h.events.reasons());

        h.external.createFailure = null;
        h.clock.advance(Duration.ofSeconds(2));
        h.reconcile();

        assertEquals(2, h.external.creates, "a failed create is not an incomplete one");
        assertEquals("ReconcileSuccess", h.condition(Conditions.SYNCED).reason());
    }

    @Test
    void staleReadNeverCreates() {
        ReconcilerHarness h = fresh();
        KindCluster staleCopy = h.store.read();
        h.store.touchBySomeoneElse();

        Outcome outcome = h.reconcile(staleCopy);

        assertEquals(0, h.external.creates);
        assertInstanceOf(Outcome.RequeueSoon.class, outcome);
        assertTrue(h.events.events.isEmpty(), "a conflict is not an error worth an Event");
    }

    @Test
    void upToDateResourceCostsNoWritesOnTheNextPoll() {
        ReconcilerHarness h = fresh();
        ConnectionDetails details = ConnectionDetails.ofText(Map.of("kubeconfig", "apiVersion: v1"));
        h.reconcile();
        h.external.observation = m -> {
            Conditions.set(m, h.clock.instant(), Conditions.available());
            return ExternalObservation.upToDate(details);
        };
        h.reconcile();
        int storeWrites = h.store.writes.size();
        int publishes = h.publisher.writes.size();
        int events = h.events.events.size();

        h.clock.advance(ReconcilerHarness.POLL);
        Outcome outcome = h.reconcile();

        assertEquals(new Outcome.PollAfter(ReconcilerHarness.POLL), outcome);
        assertEquals(storeWrites, h.store.writes.size(), "no status or metadata write");
        assertEquals(publishes, h.publisher.writes.size(), "no connection secret write");
        assertEquals(events, h.events.events.size(), "no Event");
    }

    @Test
    void refusedCreateIsNotAttemptedAndTheReasonIsShown() {
        ReconcilerHarness h = fresh();
        h.external.observation = m -> ExternalObservation.absentAndNotToBeCreated("it vanished");

        Outcome outcome = h.reconcile();

        assertEquals(0, h.external.creates);
        assertNull(h.annotation(Annotations.EXTERNAL_CREATE_PENDING));
        assertEquals("it vanished", h.condition(Conditions.SYNCED).message());
        assertEquals(new Outcome.PollAfter(ReconcilerHarness.POLL), outcome);
    }

    @Test
    void recentlyCreatedResourceIsNotCreatedAgainWhileTheGracePeriodRuns() {
        ReconcilerHarness h = fresh();
        h.reconcile();
        h.clock.advance(Duration.ofSeconds(5));

        Outcome outcome = h.reconcile();

        assertEquals(1, h.external.creates);
        assertInstanceOf(Outcome.RequeueSoon.class, outcome);
        assertTrue(h.events.reasons().contains("Normal PendingExternalResource"));
    }

    @Test
    void publishFailureIsSyncedFalse() {
        ReconcilerHarness h = fresh();
        h.publisher.failure = new IllegalStateException("connection secret default/dev is controlled by Foo x");

        Outcome outcome = h.reconcile();

        assertInstanceOf(Outcome.RetryWithBackoff.class, outcome);
        assertEquals(0, h.external.creates);
        assertEquals(
                "connection secret default/dev is controlled by Foo x",
                h.condition(Conditions.SYNCED).message());
        assertEquals(List.of("Warning CannotPublishConnectionDetails"), h.events.reasons());
    }

    @Test
    void transitionTimeMovesOnlyWhenAConditionChanges() {
        ReconcilerHarness h = fresh();
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());
        h.reconcile();
        String first = h.condition(Conditions.SYNCED).lastTransitionTime();

        h.clock.advance(Duration.ofMinutes(1));
        h.reconcile();
        assertEquals(first, h.condition(Conditions.SYNCED).lastTransitionTime());

        h.clock.advance(Duration.ofMinutes(1));
        h.external.observeFailure = new IllegalStateException("down");
        h.reconcile();
        assertEquals(
                h.clock.instant().toString(), h.condition(Conditions.SYNCED).lastTransitionTime());
    }

    @Test
    void announcementsAreToldOnceTheStatusRecordingThemIsWritten() {
        ReconcilerHarness h = fresh();
        h.reconcile();
        List<String> told = new java.util.ArrayList<>();
        h.external.observation = m -> {
            Conditions.set(m, h.clock.instant(), Conditions.of("Drifted", "True", "NodesStopped", "nodes stopped"));
            return ExternalObservation.upToDate(ConnectionDetails.none()).announcing(List.of(() -> told.add("alert")));
        };

        h.reconcile();

        assertEquals("True", h.condition("Drifted").status());
        assertEquals(List.of("alert"), told);
    }

    @Test
    void aStaleCopyWhoseStatusWriteIsRefusedTellsNothing() {
        ReconcilerHarness h = fresh();
        h.reconcile();
        KindCluster stale = h.stored();
        h.store.touchBySomeoneElse();
        List<String> told = new java.util.ArrayList<>();
        h.external.observation = m -> {
            Conditions.set(m, h.clock.instant(), Conditions.of("Drifted", "True", "NodesStopped", "nodes stopped"));
            return ExternalObservation.upToDate(ConnectionDetails.none()).announcing(List.of(() -> told.add("alert")));
        };

        Outcome outcome = h.reconcile(stale);

        assertInstanceOf(Outcome.RequeueSoon.class, outcome, "read again");
        assertEquals(List.of(), told, "what the refused status would have recorded is not told");
        h.reconcile();
        assertEquals(List.of("alert"), told, "the fresh copy records it and tells it, once");
    }

    @Test
    void aResourceIsCountedAsReconciledForTheFirstTimeOnceEvenWhenAStaleCopyHasNoSyncedYet() {
        ReconcilerHarness h = fresh();
        KindCluster readBeforeTheFirstStatusWrite = h.stored();
        h.reconcile();

        h.reconcile(readBeforeTheFirstStatusWrite);
        h.reconcile();

        assertEquals(
                1,
                h.registry
                        .timer(
                                "crossplane.managed_resource.first_time_to_reconcile",
                                "gvk",
                                "container.kind.crossplane.io/v1alpha1, Kind=KindCluster")
                        .count());
    }
}
