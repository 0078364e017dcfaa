package io.providerkind.provider.managed;

import static io.providerkind.provider.api.ManagementAction.Create;
import static io.providerkind.provider.api.ManagementAction.LateInitialize;
import static io.providerkind.provider.api.ManagementAction.Observe;
import static io.providerkind.provider.api.ManagementAction.Update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.TestKindClusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The managed reconciler's decision table for pausing, management policies and deletion. */
class ManagedReconcilerPolicyTest {

    private static final String OTHER_FINALIZER = "other.example.com/keep";

    private static ReconcilerHarness harnessFor(KindCluster cluster) {
        return new ReconcilerHarness(cluster);
    }

    @Test
    void pausedResourceIsLeftAloneAndSaysSoOnce() {
        KindCluster cluster = TestKindClusters.stored("dev");
        cluster.getMetadata().setAnnotations(Map.of(Annotations.PAUSED, "true"));
        ReconcilerHarness h = harnessFor(cluster);

        Outcome first = h.reconcile();
        int writesAfterFirst = h.store.writes.size();
        Outcome second = h.reconcile();

        assertInstanceOf(Outcome.Done.class, first);
        assertInstanceOf(Outcome.Done.class, second);
        assertEquals(0, h.external.connects);
        assertEquals("ReconcilePaused", h.condition(Conditions.SYNCED).reason());
        assertEquals("False", h.condition(Conditions.SYNCED).status());
        assertEquals(List.of("Normal ReconciliationPaused"), h.events.reasons(), "one Event, not one per reconcile");
        assertEquals(writesAfterFirst, h.store.writes.size(), "the second paused reconcile writes nothing");
    }

    @Test
    void emptyManagementPoliciesPauseLikeTheAnnotation() {
        ReconcilerHarness h = harnessFor(
                TestKindClusters.applied("dev", TestKindClusters.SEED_CONFIG, null, DeletionPolicy.Delete, List.of()));
        h.store.read();

        h.reconcile();

        assertEquals(0, h.external.connects);
        assertEquals("ReconcilePaused", h.condition(Conditions.SYNCED).reason());
    }

    @Test
    void unsupportedManagementPoliciesAreAnErrorWithCrossplanesMessage() {
        ReconcilerHarness h = harnessFor(ReconcilerStates.withPolicies(List.of(Update)));

        Outcome outcome = h.reconcile();

        assertInstanceOf(Outcome.RetryWithBackoff.class, outcome);
        assertEquals(0, h.external.connects);
        assertEquals(
                "`spec.managementPolicies` is set to a value([Update]) which is not supported. "
                        + "Check docs for supported policies",
                h.condition(Conditions.SYNCED).message());
        assertEquals(List.of("Warning CannotUseInvalidManagementPolicy"), h.events.reasons());
    }

    @Test
    void nonDefaultPoliciesAreAnErrorWhenTheFeatureIsOff() {
        ReconcilerHarness h =
                harnessFor(ReconcilerStates.withPolicies(List.of(Observe))).managementPoliciesDisabled();

        h.reconcile();

        assertEquals(
                "`spec.managementPolicies` is set to a non-default value but the feature is not enabled: "
                        + "[Observe]",
                h.condition(Conditions.SYNCED).message());
    }

    @Test
    void observeOnlyNeverCreatesAndSaysTheResourceIsMissing() {
        ReconcilerHarness h = harnessFor(ReconcilerStates.withPolicies(List.of(Observe)));

        h.reconcile();

        assertEquals(0, h.external.creates);
        assertEquals(
                "observe failed: external resource does not exist",
                h.condition(Conditions.SYNCED).message());
        assertEquals("False", h.condition(Conditions.SYNCED).status());
        assertEquals(
                List.of("Warning CannotObserveExternalResource: external resource does not exist"), h.events.events);
    }

    @Test
    void observeOnlyMissingResourceIsLookedAtEveryPollNotBackedOff() {
        ReconcilerHarness h = harnessFor(ReconcilerStates.withPolicies(List.of(Observe)));

        Outcome first = h.reconcile();
        Outcome second = h.reconcile();

        assertEquals(new Outcome.PollAfter(ReconcilerHarness.POLL), first, "only its appearance can resolve it");
        assertEquals(new Outcome.PollAfter(ReconcilerHarness.POLL), second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policiesWithoutCreate")
    void policiesWithoutCreateNeverCreateAnAbsentResource(List<ManagementAction> policies) {
        ReconcilerHarness h = harnessFor(ReconcilerStates.withPolicies(policies));

        Outcome outcome = h.reconcile();

        assertEquals(0, h.external.creates);
        assertNull(h.annotation(Annotations.EXTERNAL_CREATE_PENDING), "no create was even begun");
        assertEquals(new Outcome.PollAfter(ReconcilerHarness.POLL), outcome);
        assertEquals("ReconcileSuccess", h.condition(Conditions.SYNCED).reason());
        assertTrue(h.stored().getMetadata().getFinalizers().contains(ManagedReconciler.FINALIZER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policiesWithoutCreate")
    void policiesWithoutCreateLetUpdateDecideFromTheObservationAlone(List<ManagementAction> policies) {
        ReconcilerHarness h = harnessFor(ReconcilerStates.withPolicies(policies));

        h.reconcile();

        // crossplane-runtime calls Update whenever Observe said "not up to date" and Update is allowed,
        // whether or not the resource exists
        assertEquals(policies.contains(Update) ? 1 : 0, h.external.updates);
    }

    static List<List<ManagementAction>> policiesWithoutCreate() {
        return List.of(
                List.of(Observe, Update),
                List.of(Observe, ManagementAction.Delete),
                List.of(Observe, LateInitialize),
                List.of(Observe, Update, LateInitialize));
    }

    @Test
    void observeAndUpdateUpdatesAnOutdatedResource() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(Observe, Update));
        h.external.observation = m -> ExternalObservation.outdated(ConnectionDetails.none(), "differs");

        h.reconcile();

        assertEquals(1, h.external.updates);
        assertEquals(0, h.external.creates);
        assertTrue(h.events.reasons().contains("Normal UpdatedExternalResource"));
    }

    @Test
    void observeAndDeleteDeletesButNeverUpdates() {
        ReconcilerHarness h =
                ReconcilerStates.created(DeletionPolicy.Delete, List.of(Observe, ManagementAction.Delete));
        h.external.observation = m -> ExternalObservation.outdated(ConnectionDetails.none(), "differs");
        h.reconcile();
        ReconcilerStates.markDeleted(h);

        h.reconcile();

        assertEquals(0, h.external.updates);
        assertEquals(1, h.external.deletes);
    }

    @Test
    void observeAndLateInitializeRecordsLateInitializedFieldsButNeverUpdates() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(Observe, LateInitialize));
        h.external.observation = ManagedReconcilerPolicyTest::lateInitializedAndOutdated;
        int writesBefore = h.store.writes.size();

        h.reconcile();

        assertEquals("update", h.store.writes.get(writesBefore), "the late-initialized spec is written");
        assertEquals(0, h.external.updates);
        assertEquals(0, h.external.creates);
    }

    @Test
    void observeUpdateAndLateInitializeRecordsLateInitializedFieldsAndUpdates() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(Observe, Update, LateInitialize));
        h.external.observation = ManagedReconcilerPolicyTest::lateInitializedAndOutdated;
        int writesBefore = h.store.writes.size();

        h.reconcile();

        assertEquals("update", h.store.writes.get(writesBefore), "the late-initialized spec is written");
        assertEquals(1, h.external.updates);
    }

    private static ExternalObservation lateInitializedAndOutdated(KindCluster cluster) {
        return new ExternalObservation(true, false, true, ConnectionDetails.none(), "differs", null, List.of());
    }

    @Test
    void observeOnlyImportsAnExistingResourceAndPublishesItsDetails() {
        ReconcilerHarness h = harnessFor(ReconcilerStates.withPolicies(List.of(Observe)));
        ConnectionDetails details = ConnectionDetails.ofText(Map.of("endpoint", "https://127.0.0.1:36443"));
        h.external.observation = m -> ExternalObservation.outdated(details, "config differs");

        h.reconcile();

        assertEquals(0, h.external.creates);
        assertEquals(0, h.external.updates, "observe-only never updates");
        assertEquals(details, h.publisher.published);
        assertEquals("ReconcileSuccess", h.condition(Conditions.SYNCED).reason());
    }

    @Test
    void orphanDeletionKeepsTheExternalResourceAndLetsGo() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Orphan, List.of(ManagementAction.All));
        ReconcilerStates.markDeleted(h);

        Outcome outcome = h.reconcile();

        assertInstanceOf(Outcome.Done.class, outcome);
        assertEquals(0, h.external.deletes);
        assertTrue(h.stored().getMetadata().getFinalizers().isEmpty());
    }

    @Test
    void policiesWithoutDeleteOrphanEvenWithDeletionPolicyDelete() {
        ReconcilerHarness h =
                ReconcilerStates.created(DeletionPolicy.Delete, List.of(Observe, Create, Update, LateInitialize));
        ReconcilerStates.markDeleted(h);

        h.reconcile();

        assertEquals(0, h.external.deletes);
        assertTrue(h.stored().getMetadata().getFinalizers().isEmpty());
    }

    @Test
    void deletionDeletesTheExternalResourceThenRemovesTheFinalizerWhenItIsGone() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All));
        ReconcilerStates.markDeleted(h);
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());

        Outcome requested = h.reconcile();
        h.reconcile();

        assertEquals(2, h.external.deletes, "asked again while it still exists");
        assertInstanceOf(Outcome.PollAfter.class, requested);
        assertTrue(h.stored().getMetadata().getFinalizers().contains(ManagedReconciler.FINALIZER));
        assertEquals("Deleting", h.condition(Conditions.READY).reason());
        assertEquals(
                1,
                h.events.reasons().stream()
                        .filter("Normal DeletedExternalResource"::equals)
                        .count(),
                "one Event for the deletion, not one per poll");

        h.external.observation = m -> ExternalObservation.absent();
        Outcome finished = h.reconcile();

        assertInstanceOf(Outcome.Done.class, finished);
        assertTrue(h.stored().getMetadata().getFinalizers().isEmpty());
        assertEquals(2, h.external.deletes);
    }

    @Test
    void deletionWaitsWhileAnotherFinalizerRemains() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All));
        addFinalizer(h, OTHER_FINALIZER);
        ReconcilerStates.markDeleted(h);
        int writesBefore = h.store.writes.size();

        Outcome outcome = h.reconcile();

        assertEquals(
                new Outcome.WaitWithBackoff(ManagedReconciler.MSG_OTHER_FINALIZERS, ReconcilerHarness.POLL), outcome);
        assertEquals(0, h.external.deletes);
        assertEquals(writesBefore, h.store.writes.size(), "no condition: nothing failed");
        assertEquals(List.of(), h.events.events);
    }

    @Test
    void deletionProceedsOnceTheOtherFinalizerIsGone() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All));
        addFinalizer(h, OTHER_FINALIZER);
        ReconcilerStates.markDeleted(h);
        h.reconcile();
        KindCluster current = h.store.read();
        current.getMetadata().getFinalizers().remove(OTHER_FINALIZER);
        h.store.update(current);

        Outcome outcome = h.reconcile();

        assertEquals(1, h.external.deletes);
        assertInstanceOf(Outcome.PollAfter.class, outcome);
    }

    @Test
    void ourFinalizerStaysWhileAnotherRemainsEvenWhenTheExternalResourceIsGone() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All));
        addFinalizer(h, OTHER_FINALIZER);
        ReconcilerStates.markDeleted(h);
        h.external.observation = m -> ExternalObservation.absent();

        Outcome outcome = h.reconcile();

        assertInstanceOf(Outcome.WaitWithBackoff.class, outcome);
        assertEquals(0, h.publisher.unpublished);
        assertTrue(h.stored().getMetadata().getFinalizers().contains(ManagedReconciler.FINALIZER));
    }

    @Test
    void anOrphaningDeletionDoesNotWaitForOtherFinalizers() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Orphan, List.of(ManagementAction.All));
        addFinalizer(h, OTHER_FINALIZER);
        ReconcilerStates.markDeleted(h);

        Outcome outcome = h.reconcile();

        assertInstanceOf(Outcome.Done.class, outcome);
        assertEquals(List.of(OTHER_FINALIZER), h.stored().getMetadata().getFinalizers());
    }

    private static void addFinalizer(ReconcilerHarness h, String finalizer) {
        KindCluster current = h.store.read();
        current.getMetadata().getFinalizers().add(finalizer);
        h.store.update(current);
    }

    @Test
    void failedDeletionKeepsTheFinalizerAndSaysWhy() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All));
        ReconcilerStates.markDeleted(h);
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());
        h.external.deleteFailure = new IllegalStateException("kindserver is unreachable");

        Outcome outcome = h.reconcile();

        assertInstanceOf(Outcome.RetryWithBackoff.class, outcome);
        assertTrue(h.stored().getMetadata().getFinalizers().contains(ManagedReconciler.FINALIZER));
        assertEquals(
                "delete failed: kindserver is unreachable",
                h.condition(Conditions.SYNCED).message());
        assertEquals("Deleting", h.condition(Conditions.READY).reason());
    }

    @Test
    void outdatedResourceIsUpdatedUnlessPoliciesForbidIt() {
        ReconcilerHarness h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All));
        h.external.observation = m -> ExternalObservation.outdated(ConnectionDetails.none(), "differs");

        h.reconcile();

        assertEquals(1, h.external.updates);
        assertTrue(h.events.reasons().contains("Normal UpdatedExternalResource"));

        ReconcilerHarness noUpdate =
                ReconcilerStates.created(DeletionPolicy.Delete, List.of(Observe, Create, ManagementAction.Delete));
        noUpdate.external.observation = m -> ExternalObservation.outdated(ConnectionDetails.none(), "differs");

        noUpdate.reconcile();

        assertEquals(0, noUpdate.external.updates);
        assertEquals("ReconcileSuccess", noUpdate.condition(Conditions.SYNCED).reason());
    }
}
