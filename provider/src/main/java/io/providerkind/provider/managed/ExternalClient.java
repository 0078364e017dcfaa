package io.providerkind.provider.managed;

import io.providerkind.provider.api.Managed;

/**
 * Manages the life of one kind of external resource (crossplane's {@code managed.ExternalClient}).
 * No call may block for long and every call must be idempotent: Create must not fail when asked
 * twice with the same parameters, Delete must not fail when the resource is gone or going.
 *
 * <p>Failures are thrown as runtime exceptions whose message a person can act on; the reconciler
 * turns them into a Synced=False condition and a Warning Event, in one place.
 */
public interface ExternalClient<M extends Managed> {

    /**
     * Observes the external resource of the managed resource's external name. Must not change the
     * external resource; may update the managed resource's status (conditions, atProvider).
     */
    ExternalObservation observe(M managed);

    /** Starts creating the external resource and returns at once. */
    ExternalCreation create(M managed);

    /** Brings the external resource to the desired state, when Observe said it is not. */
    ExternalUpdate update(M managed);

    /** Starts deleting the external resource. */
    void delete(M managed);
}
