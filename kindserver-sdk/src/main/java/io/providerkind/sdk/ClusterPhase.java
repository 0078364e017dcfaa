package io.providerkind.sdk;

/** Lifecycle phase of a kind cluster as kindserver reports it. */
public enum ClusterPhase {
    /** kind is creating the cluster; {@link ClusterInfo#progress()} tells how far it is. */
    Creating,
    /** Every node runs and the kubeconfig is known. */
    Ready,
    /** Creation failed; {@link ClusterInfo#message()} carries kind's own error text. */
    Failed,
    /** kind is deleting the cluster. */
    Deleting,
    /** The cluster's node containers exist but one or more is not running. */
    Stopped
}
