package io.providerkind.kindserver.clusters;

/**
 * Told when a cluster's answer to {@link ClusterService#get} may have changed, right where kindserver changes what
 * it is made of: a cluster's record or kubeconfigs ({@link #changed}), or the Docker snapshot its nodes are read from
 * ({@link #snapshotChanged}). A call may come while kindserver holds a cluster's lock, so a listener only takes note
 * and returns at once; it may be told of a change that, on reading, changed nothing.
 */
public interface ClusterChanges {

    /** The answer of cluster {@code name} may be another one now, or the cluster may be gone. */
    void changed(String name);

    /** A new Docker snapshot: the answer of any cluster may be another one now. */
    void snapshotChanged();
}
