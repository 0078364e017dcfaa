package io.providerkind.provider.kindcluster;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * One way a kind cluster differs from what its KindCluster says, and that the provider will not fix
 * (the user's decision of 2025-03-31: a cluster is never deleted or re-created because it drifted).
 *
 * @param reason  ConfigChanged, NodesStopped or ClusterVanished
 * @param subject what drifted, in as few words as identify it: the two config hashes, the stopped nodes'
 *                names, the vanished cluster's name. Two observations of one drift have the same subject
 *                however they are worded, so that the drift is alerted once.
 * @param message what differs, for people
 */
public record Drift(String reason, String subject, String message) {

    public static final String CONFIG_CHANGED = "ConfigChanged";
    public static final String NODES_STOPPED = "NodesStopped";
    public static final String CLUSTER_VANISHED = "ClusterVanished";

    /** This drift's identity: its reason and subject. */
    public String key() {
        return reason + "(" + subject + ")";
    }

    /** The identity of a set of drifts, independent of their order and wording. */
    public static String fingerprint(Collection<Drift> drifts) {
        return drifts.stream().map(Drift::key).sorted().distinct().collect(Collectors.joining(" "));
    }
}
