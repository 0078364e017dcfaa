package io.providerkind.provider.managed;

import static io.providerkind.provider.managed.ReconcileAttempt.describe;

import io.providerkind.provider.api.Managed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles any managed resource with its external resource: the Java counterpart of
 * crossplane-runtime's managed reconciler, step for step, knowing nothing of what the external
 * resource is. Connect, Observe, then Create, Update or Delete; finalizer, external-name,
 * create-tracking annotations, pause, management and deletion policies, Ready and Synced conditions,
 * Events, connection publishing, the per-resource poll interval and jitter, and reconcile requests.
 *
 * <p>Where this differs from crossplane-runtime, it is to write less: status is written only when it
 * changed, and the paused Event only when the resource becomes paused, so that an unchanged resource
 * costs no API writes per poll. And a failure is retried no later than the poll interval, where
 * crossplane's backoff grows to a minute whatever the poll interval is.
 */
public final class ManagedReconciler<M extends Managed> {

    public static final String FINALIZER = "finalizer.managedresource.crossplane.io";
    static final String ERR_CREATE_INCOMPLETE = "cannot determine creation result - remove the "
            + Annotations.EXTERNAL_CREATE_PENDING + " annotation if it is safe to proceed";
    static final String ERR_NOT_EXIST = "external resource does not exist";
    static final String MSG_OTHER_FINALIZERS = "Delay external deletion until all finalizers have been removed";
    static final String MSG_PAUSED =
            "Reconciliation is paused either through the `spec.managementPolicies` " + "or the pause annotation";

    private final ManagedResourceStore<M> store;
    private final ExternalConnector<M> connector;
    private final ConnectionPublisher publisher;
    private final EventRecorder events;
    private final ManagedMetrics metrics;
    private final ReconcilerSettings settings;
    private final Clock clock;

    public ManagedReconciler(
            ManagedResourceStore<M> store,
            ExternalConnector<M> connector,
            ConnectionPublisher publisher,
            EventRecorder events,
            ManagedMetrics metrics,
            ReconcilerSettings settings,
            Clock clock) {
        this.store = store;
        this.connector = connector;
        this.publisher = publisher;
        this.events = events;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    public Outcome reconcile(M managed) {
        // Failures back off up to the resource's poll interval (its annotation's, else the configured one), so
        // that a failing resource is not looked at less often than a healthy one; not up to the hook's, which
        // may be a busy poll of a fraction of a second and would repeat a failing call at that pace.
        ReconcileAttempt<M> attempt =
                new ReconcileAttempt<>(managed, store, events, metrics, clock, settings.effectivePollInterval(managed));
        try {
            return reconcile(attempt);
        } catch (StaleResourceException e) {
            return attempt.stale(e);
        }
    }

    private Outcome reconcile(ReconcileAttempt<M> attempt) {
        M managed = attempt.managed();
        metrics.recordFirstTimeReconciled(managed);
        ManagementPolicies policy = ManagementPolicies.of(
                settings.managementPolicies(), managed.managementPolicies(), managed.deletionPolicy());

        if (Annotations.isPaused(managed) || policy.isPaused()) {
            return paused(attempt);
        }
        // after the pause check, as in crossplane-runtime: a paused resource handles no reconcile request
        attempt.handleReconcileRequest();
        Optional<String> invalid = policy.invalidity();
        if (invalid.isPresent()) {
            return attempt.fail(EventReasons.INVALID_MANAGEMENT_POLICY, invalid.get());
        }
        if (deleted(managed) && !policy.shouldDelete()) {
            return finalizeDeletion(attempt, ConnectionDetails.none());
        }
        if (Annotations.externalName(managed) == null) {
            // crossplane's NameAsExternalName initializer: the external name defaults to the name
            Annotations.setExternalName(managed, managed.getMetadata().getName());
            Optional<String> failure = tryUpdateMetadata(managed);
            if (failure.isPresent()) {
                return attempt.fail(EventReasons.CANNOT_INITIALIZE, failure.get());
            }
        }
        if (!settings.deterministicExternalName() && createIncomplete(managed)) {
            events.warning(managed, EventReasons.CANNOT_INITIALIZE, ERR_CREATE_INCOMPLETE);
            return attempt.finish(
                    new Outcome.Done(), Conditions.creating(), Conditions.reconcileError(ERR_CREATE_INCOMPLETE));
        }

        ExternalClient<M> external;
        try {
            external = connector.connect(managed);
        } catch (RuntimeException e) {
            return attempt.fail(EventReasons.CANNOT_CONNECT, "connect failed: " + describe(e));
        }
        ExternalObservation observation;
        try {
            observation = external.observe(managed);
        } catch (RuntimeException e) {
            return attempt.fail(EventReasons.CANNOT_OBSERVE, "observe failed: " + describe(e));
        }
        attempt.announceOnceWritten(observation.announcements());

        if (!observation.resourceExists() && policy.shouldOnlyObserve()) {
            return observedAbsent(attempt);
        }
        if (!observation.resourceExists()
                && Annotations.createSucceededWithin(managed, settings.creationGracePeriod(), clock.instant())) {
            events.normal(managed, EventReasons.PENDING, "Waiting for external resource existence to be confirmed");
            return new Outcome.RequeueSoon(settings.pollFor(managed));
        }
        if (deleted(managed)) {
            return delete(attempt, external, observation);
        }
        Optional<String> publishFailure = publish(managed, observation.connectionDetails());
        if (publishFailure.isPresent()) {
            return attempt.fail(EventReasons.CANNOT_PUBLISH, publishFailure.get());
        }
        if (!finalizers(managed).contains(FINALIZER)) {
            finalizers(managed).add(FINALIZER);
            Optional<String> failure = tryUpdateMetadata(managed);
            if (failure.isPresent()) {
                return attempt.fail(null, failure.get());
            }
        }

        if (!observation.resourceExists() && policy.shouldCreate()) {
            return absent(attempt, external, observation);
        }
        // as in crossplane-runtime, a policy without Create goes on with an absent resource: LateInitialize
        // and Update decide from the observation alone
        return existing(attempt, external, observation, policy);
    }

    /**
     * An observe-only resource whose external resource is absent: an error to show, but a stable state
     * only the external resource's appearance resolves, so it is looked at every poll, not backed off.
     */
    private Outcome observedAbsent(ReconcileAttempt<M> attempt) {
        M managed = attempt.managed();
        events.warning(managed, EventReasons.CANNOT_OBSERVE, ERR_NOT_EXIST);
        return attempt.finish(
                new Outcome.PollAfter(settings.pollFor(managed)),
                Conditions.reconcileError("observe failed: " + ERR_NOT_EXIST));
    }

    private Outcome paused(ReconcileAttempt<M> attempt) {
        M managed = attempt.managed();
        if (!Conditions.has(managed, Conditions.SYNCED, Conditions.REASON_RECONCILE_PAUSED)) {
            events.normal(managed, EventReasons.PAUSED, MSG_PAUSED);
        }
        return attempt.finish(new Outcome.Done(), Conditions.reconcilePaused());
    }

    private Outcome absent(ReconcileAttempt<M> attempt, ExternalClient<M> external, ExternalObservation observation) {
        M managed = attempt.managed();
        if (observation.createRefusal() != null) {
            // the external client knows the resource must not be made again: say why, keep looking
            return attempt.finish(
                    new Outcome.PollAfter(settings.pollFor(managed)),
                    Conditions.reconcileError(observation.createRefusal()));
        }
        // Recorded before Create, under optimistic locking: a stale read must not create, and a crash
        // after Create leaves a trace that the create may have happened.
        Annotations.setCreatePending(managed, clock.instant());
        Optional<String> pendingFailure = tryUpdateMetadata(managed);
        if (pendingFailure.isPresent()) {
            return attempt.fail(EventReasons.CANNOT_UPDATE_MANAGED, pendingFailure.get(), Conditions.creating());
        }

        ExternalCreation creation;
        try {
            creation = external.create(managed);
        } catch (RuntimeException e) {
            events.warning(managed, EventReasons.CANNOT_CREATE, describe(e));
            Annotations.setCreateFailed(managed, clock.instant());
            // the create error is the more useful condition; this one is an Event only, as in crossplane
            tryUpdateCriticalAnnotations(managed)
                    .ifPresent(failure -> events.warning(managed, EventReasons.CANNOT_UPDATE_MANAGED, failure));
            return attempt.fail(null, "create failed: " + describe(e), Conditions.creating());
        }
        Annotations.setCreateSucceeded(managed, clock.instant());
        Optional<String> annotationFailure = tryUpdateCriticalAnnotations(managed);
        if (annotationFailure.isPresent()) {
            return attempt.fail(EventReasons.CANNOT_UPDATE_MANAGED, annotationFailure.get(), Conditions.creating());
        }
        Optional<String> publishFailure = publish(managed, creation.connectionDetails());
        if (publishFailure.isPresent()) {
            return attempt.fail(EventReasons.CANNOT_PUBLISH, publishFailure.get(), Conditions.creating());
        }
        events.normal(managed, EventReasons.CREATED, "Successfully requested creation of external resource");
        // crossplane-runtime looks again at once after a create; here at the poll of a resource in creation (the busy
        // poll), which the hook can tell only once Creating is set, not from the resource as it was observed absent
        return attempt.finishAndPoll(settings::pollFor, Conditions.creating(), Conditions.reconcileSuccess());
    }

    private Outcome existing(
            ReconcileAttempt<M> attempt,
            ExternalClient<M> external,
            ExternalObservation observation,
            ManagementPolicies policy) {
        M managed = attempt.managed();
        if (observation.resourceLateInitialized() && policy.shouldLateInitialize()) {
            Optional<String> failure = tryUpdateMetadata(managed);
            if (failure.isPresent()) {
                return attempt.fail(EventReasons.CANNOT_UPDATE_MANAGED, failure.get());
            }
        }
        if (observation.resourceUpToDate() || !policy.shouldUpdate()) {
            metrics.recordUnchanged(managed);
            return attempt.finish(new Outcome.PollAfter(settings.pollFor(managed)), Conditions.reconcileSuccess());
        }
        ExternalUpdate update;
        try {
            update = external.update(managed);
        } catch (RuntimeException e) {
            return attempt.fail(EventReasons.CANNOT_UPDATE, "update failed: " + describe(e));
        }
        attempt.announceOnceWritten(update.announcements());
        Optional<String> publishFailure = publish(managed, update.connectionDetails());
        if (publishFailure.isPresent()) {
            return attempt.fail(EventReasons.CANNOT_PUBLISH, publishFailure.get());
        }
        metrics.recordDrift(managed);
        events.normal(managed, EventReasons.UPDATED, "Successfully requested update of external resource");
        return attempt.finish(new Outcome.PollAfter(settings.pollFor(managed)), Conditions.reconcileSuccess());
    }

    private Outcome delete(ReconcileAttempt<M> attempt, ExternalClient<M> external, ExternalObservation observation) {
        M managed = attempt.managed();
        if (finalizers(managed).size() > 1) {
            // Another controller still needs this resource, and perhaps its external resource: both stay
            // until it lets go. Nothing failed, so no condition or Event; look again with backoff.
            return new Outcome.WaitWithBackoff(MSG_OTHER_FINALIZERS, settings.effectivePollInterval(managed));
        }
        if (!observation.resourceExists()) {
            return finalizeDeletion(attempt, observation.connectionDetails());
        }
        boolean firstRequest = !Conditions.has(managed, Conditions.READY, Conditions.REASON_DELETING);
        try {
            external.delete(managed);
        } catch (RuntimeException e) {
            return attempt.fail(EventReasons.CANNOT_DELETE, "delete failed: " + describe(e), Conditions.deleting());
        }
        if (firstRequest) {
            // the external deletion takes a while and is asked for on every poll until it is gone;
            // one Event says it started, not one per poll
            events.normal(managed, EventReasons.DELETED, "Successfully requested deletion of external resource");
        }
        return attempt.finish(
                new Outcome.PollAfter(settings.pollFor(managed)), Conditions.deleting(), Conditions.reconcileSuccess());
    }

    private Outcome finalizeDeletion(ReconcileAttempt<M> attempt, ConnectionDetails details) {
        M managed = attempt.managed();
        try {
            publisher.unpublish(managed, details);
        } catch (RuntimeException e) {
            return attempt.fail(EventReasons.CANNOT_UNPUBLISH, describe(e), Conditions.deleting());
        }
        if (finalizers(managed).remove(FINALIZER)) {
            Optional<String> failure = tryUpdateMetadata(managed);
            if (failure.isPresent()) {
                return attempt.fail(null, failure.get(), Conditions.deleting());
            }
        }
        metrics.recordDeleted(managed);
        return new Outcome.Done();
    }

    /** Publishes, answering with the failure's text if it failed. */
    private Optional<String> publish(M managed, ConnectionDetails details) {
        try {
            publisher.publish(managed, details);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(describe(e));
        }
    }

    /**
     * Writes metadata and spec; a stale read propagates (the reconcile ends quietly and reads again),
     * any other failure is answered with crossplane's text for it.
     */
    private Optional<String> tryUpdateMetadata(M managed) {
        try {
            managed.getMetadata().setResourceVersion(store.update(managed));
            return Optional.empty();
        } catch (StaleResourceException e) {
            throw e;
        } catch (RuntimeException e) {
            return Optional.of("cannot update managed resource: " + describe(e));
        }
    }

    private static List<String> finalizers(Managed managed) {
        if (managed.getMetadata().getFinalizers() == null) {
            managed.getMetadata().setFinalizers(new ArrayList<>());
        }
        return managed.getMetadata().getFinalizers();
    }

    /** Writes the create-tracking annotations, answering with any failure's text: the create has happened. */
    private Optional<String> tryUpdateCriticalAnnotations(M managed) {
        try {
            managed.getMetadata().setResourceVersion(store.updateCriticalAnnotations(managed));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("cannot update critical annotations: " + describe(e));
        }
    }

    /** Crossplane refuses to guess; re-reading first avoids refusing because of a stale cache. */
    private boolean createIncomplete(M managed) {
        if (!Annotations.createIncomplete(managed)) {
            return false;
        }
        return store.fetch(managed).map(Annotations::createIncomplete).orElse(false);
    }

    private static boolean deleted(Managed managed) {
        return managed.getMetadata().getDeletionTimestamp() != null;
    }
}
