package io.providerkind.provider.api;

/** What happens to the external resource when its managed resource is deleted (crossplane's xpv1.DeletionPolicy). */
public enum DeletionPolicy {
    /** The external resource is left as it is. */
    Orphan,
    /** The external resource is deleted with its managed resource. */
    Delete
}
