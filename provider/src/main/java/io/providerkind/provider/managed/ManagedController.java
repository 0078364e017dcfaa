package io.providerkind.provider.managed;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.providerkind.provider.api.Managed;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ManagedReconciler} under java-operator-sdk. The managed reconciler does its own
 * writes, so this controller never asks the SDK to patch anything; it only turns outcomes into
 * reschedules: the poll interval after success, per-resource exponential backoff after failure or
 * while waiting on another controller (no longer than the outcome allows). A reconcile over the
 * provider's rate limit is not run but rescheduled for when its token is due ({@link ReconcileAdmission}).
 *
 * <p>Registered with all-events mode (the reconciler owns the finalizer, as crossplane-runtime does)
 * and {@link DesiredStateChanged} as update filter. Counts reconciles under controller-runtime's
 * metric names, which Crossplane dashboards use; the reconcile time only of those that ran.
 */
public abstract class ManagedController<M extends Managed> implements Reconciler<M> {

    private static final Logger log = LoggerFactory.getLogger(ManagedController.class);

    private final ManagedReconciler<M> reconciler;
    private final Backoff backoff;
    private final ReconcileAdmission admission;
    private final OwnWrites ownWrites;
    private final Timer reconcileTime;
    private final Counter success;
    private final Counter errors;
    private final Counter requeue;
    private final Counter requeueAfter;

    protected ManagedController(
            String name,
            ManagedReconciler<M> reconciler,
            Backoff backoff,
            ReconcileAdmission admission,
            OwnWrites ownWrites,
            MeterRegistry registry) {
        this.reconciler = reconciler;
        this.backoff = backoff;
        this.admission = admission;
        this.ownWrites = ownWrites;
        this.reconcileTime = Timer.builder("controller_runtime_reconcile_time")
                .description("Length of time per reconciliation per controller")
                .tag("controller", name)
                .serviceLevelObjectives(
                        Duration.ofMillis(5),
                        Duration.ofMillis(25),
                        Duration.ofMillis(100),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5))
                .register(registry);
        this.success = result(registry, name, "success");
        this.errors = result(registry, name, "error");
        this.requeue = result(registry, name, "requeue");
        this.requeueAfter = result(registry, name, "requeue_after");
    }

    @Override
    public UpdateControl<M> reconcile(M resource, Context<M> context) {
        String key = resource.getMetadata().getUid();
        if (context.isPrimaryResourceDeleted()) {
            // gone for good: the finalizer was ours, so everything was done before this event
            backoff.reset(key);
            admission.forget(key);
            ownWrites.forget(key);
            forget(resource);
            return UpdateControl.noUpdate();
        }
        return reconcileWithinLimit(resource);
    }

    /** Runs the managed reconciler if the rate limit lets this reconcile through now, else reschedules it. */
    UpdateControl<M> reconcileWithinLimit(M resource) {
        String key = resource.getMetadata().getUid();
        Duration wait = admission.admit(key);
        if (!wait.isZero()) {
            // as crossplane-runtime's rate-limited reconciler answers: RequeueAfter, counted as such
            requeueAfter.increment();
            return UpdateControl.<M>noUpdate().rescheduleAfter(wait);
        }
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = reconciler.reconcile(resource);
        } catch (RuntimeException e) {
            log.error(
                    "{} {}: unexpected failure while reconciling",
                    resource.getKind(),
                    resource.getMetadata().getName(),
                    e);
            outcome = new Outcome.RetryWithBackoff(ReconcileAttempt.describe(e));
        }
        reconcileTime.record(Duration.ofNanos(System.nanoTime() - started));
        return control(key, outcome);
    }

    /** Drops whatever the controller remembers about a resource that no longer exists. */
    protected void forget(M resource) {}

    /** Turns an outcome into the next reconcile of the resource with this key (its uid). */
    UpdateControl<M> control(String key, Outcome outcome) {
        if (outcome instanceof Outcome.PollAfter poll) {
            backoff.reset(key);
            requeueAfter.increment();
            return UpdateControl.<M>noUpdate().rescheduleAfter(poll.after());
        }
        if (outcome instanceof Outcome.RetryWithBackoff retry) {
            errors.increment();
            return UpdateControl.<M>noUpdate().rescheduleAfter(backoff(key, retry.atMost()));
        }
        if (outcome instanceof Outcome.WaitWithBackoff wait) {
            requeue.increment();
            return UpdateControl.<M>noUpdate().rescheduleAfter(backoff(key, wait.atMost()));
        }
        if (outcome instanceof Outcome.RequeueSoon soon) {
            requeueAfter.increment();
            return UpdateControl.<M>noUpdate().rescheduleAfter(soon.after());
        }
        backoff.reset(key);
        success.increment();
        return UpdateControl.noUpdate();
    }

    private Duration backoff(String key, Duration atMost) {
        Duration next = backoff.next(key);
        return atMost != null && atMost.compareTo(next) < 0 ? atMost : next;
    }

    private static Counter result(MeterRegistry registry, String name, String result) {
        return Counter.builder("controller_runtime_reconcile")
                .description("Total number of reconciliations per controller")
                .tag("controller", name)
                .tag("result", result)
                .register(registry);
    }
}
