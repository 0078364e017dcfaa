package io.providerkind.provider.kindcluster;

/**
 * One way a kind cluster differs from what its KindCluster says, and that the provider will not fix
 * (the user's decision of 2025-03-31: a cluster is never deleted or re-created because it drifted).
 *
 * @param reason  ConfigChanged, NodesStopped or ClusterVanished
 * @param message what differs, for people; deterministic, so that the same drift reads the same
 */
public record Drift(String reason, String message) {

    public static final String CONFIG_CHANGED = "ConfigChanged";
    public static final String NODES_STOPPED = "NodesStopped";
    public static final String CLUSTER_VANISHED = "ClusterVanished";
}
