package io.providerkind.provider.api;

/**
 * A managed resource that answers crossplane's {@code crossplane.io/reconcile-requested-at} annotation by recording
 * the token it last handled in {@code status.lastHandledReconcileAt}: crossplane-runtime's reconcileRequestTracker,
 * optional as there, so that a managed kind without the status field is simply not told.
 *
 * <p>Names without bean prefixes, for the reason {@link Managed} gives.
 */
public interface ReconcileRequestTracker {

    /** The token of the last reconcile request handled, or null. */
    String lastHandledReconcileAt();

    /** Records the token in status, leaving the rest of status as it is. */
    void replaceLastHandledReconcileAt(String token);
}
