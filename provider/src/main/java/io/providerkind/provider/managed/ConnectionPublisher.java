package io.providerkind.provider.managed;

import io.providerkind.provider.api.Managed;

/** Publishes and unpublishes connection details (crossplane's {@code managed.ConnectionPublisher}). */
public interface ConnectionPublisher {

    /**
     * Publishes the details for the managed resource. Publishing is additive: keys published earlier
     * and absent now are kept. Writes nothing when nothing changed.
     *
     * @return true when something was written
     */
    boolean publish(Managed managed, ConnectionDetails details);

    /** Removes what was published, when the managed resource goes away. */
    void unpublish(Managed managed, ConnectionDetails details);
}
