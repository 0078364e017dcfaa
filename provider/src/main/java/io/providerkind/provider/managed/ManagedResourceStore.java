package io.providerkind.provider.managed;

import io.providerkind.provider.api.Managed;
import java.util.Optional;

/**
 * The managed reconciler's writes to the Kubernetes API, behind one seam so that the decision table
 * can be tested against a fake and the real thing against a real API server.
 */
public interface ManagedResourceStore<M extends Managed> {

    /**
     * Writes the resource's metadata and spec under optimistic locking and returns its new
     * resourceVersion. A stale resourceVersion is a {@link StaleResourceException}: the caller must
     * not act on what it read, because someone changed the resource since.
     */
    String update(M managed);

    /**
     * Persists the resource's critical annotations (external name, create tracking) and nothing else,
     * whatever changed since the resource was read, retrying failures: their loss would make the
     * provider unsure whether it created something. Returns the new resourceVersion; the rest of the
     * copy is not refreshed, so it must not be written whole afterwards.
     */
    String updateCriticalAnnotations(M managed);

    /** Writes the resource's status. Only ever called when the status differs from the stored one. */
    void updateStatus(M managed);

    /** The resource as the API server has it now, bypassing any cache; empty when it is gone. */
    Optional<M> fetch(M managed);
}
