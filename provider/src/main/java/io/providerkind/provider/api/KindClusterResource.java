package io.providerkind.provider.api;

/**
 * A KindCluster of either API group: the cluster-scoped {@code container.kind.crossplane.io} one and the namespaced
 * {@code container.kind.m.crossplane.io} one differ in their references only, so the code that talks to kindserver
 * takes this and serves both.
 */
public interface KindClusterResource extends Managed {

    /** The kind cluster wanted; null only for a resource without spec, which the CRD does not admit. */
    ForProvider forProvider();

    /** What kindserver last reported; never null. */
    AtProvider atProvider();

    void replaceAtProvider(AtProvider atProvider);
}
