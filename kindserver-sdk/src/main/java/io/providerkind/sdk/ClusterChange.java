package io.providerkind.sdk;

/** How a wait for a cluster's answer to change ({@link KindServerClient#awaitChange}) ended. */
public sealed interface ClusterChange {

    /** The cluster's answer is another one now (200). */
    record Changed(ObservedCluster now) implements ClusterChange {}

    /** The wait's timeout passed with the answer unchanged (304). */
    record Unchanged() implements ClusterChange {}

    /** kindserver no longer knows the cluster (404 {@code cluster_not_found}). */
    record Gone() implements ClusterChange {}
}
