/**
 * The home of the reconcile contract: a generic managed-resource reconciler, the Java counterpart of
 * crossplane-runtime's, that knows nothing of kind. {@link ManagedReconciler} connects and observes, then takes one
 * step (paused, create when absent, update when existing, delete, finalize) and returns a sealed {@link Outcome} that
 * {@link ManagedController} turns into a reschedule. A resource kind plugs in an {@link ExternalConnector} and an
 * {@link ExternalClient}; every API write goes through {@link ManagedResourceStore}, status only when it changed.
 * {@link ReconcilerSettings} holds crossplane-runtime's poll options (interval, per-resource annotation, jitter, hook);
 * {@link ManagedMetrics} and {@link ManagedStateMetrics} its metrics, under its names. {@link ReconcileRateLimiter}
 * is crossplane's global {@code --max-reconcile-rate} limit, which {@link ReconcileAdmission} applies per controller
 * (the managed ones and the ProviderConfig ones) by rescheduling, and {@link OwnWrites} keeps the reconciler's own
 * writes from starting reconciles.
 */
package io.providerkind.provider.managed;
