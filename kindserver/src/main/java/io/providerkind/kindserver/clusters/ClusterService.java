package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.InvalidRequestException;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.LocalRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What kindserver does with clusters; the REST layer is a thin translation of this interface.
 *
 * <p>Reads ({@link #list()}, {@link #get(String)}) answer from memory and never start a process.
 * Writes validate their input first: a bad name or config is an {@link InvalidRequestException} and
 * never reaches kind. A create or delete that collides with another operation on the same cluster
 * is a {@link ClusterConflictException}.
 */
public interface ClusterService extends AutoCloseable {

    /** Every known cluster (kindserver's and those made by hand with kind), without kubeconfigs. */
    List<ClusterInfo> list();

    /** One cluster with both kubeconfigs, or empty when unknown. */
    Optional<ClusterInfo> get(String name);

    /** Starts creating a cluster in the background, or reports the one that exists with the same config. */
    CreateOutcome create(String name, String kindConfig);

    /** {@link #create(String, String)} with a name and config the caller has already checked. */
    default CreateOutcome create(ClusterName name, KindConfig config) {
        return create(name, config, null);
    }

    /**
     * {@link #create(ClusterName, KindConfig)} on behalf of {@code owner} (null: none), which the cluster's record
     * keeps. A cluster with an owner is refused to every other owner, and to a create without one, with a
     * {@link ClusterConflictException} naming the owner; a same-config create with an owner adopts a cluster
     * recorded without one (made by this kindserver before owners existed).
     */
    CreateOutcome create(ClusterName name, KindConfig config, String owner);

    /**
     * Queues {@code images} (checked by the caller: {@code LoadImagesRequest.problem()}) to be loaded into every node
     * of a Ready cluster, one after another in the background; the cluster's answer shows each image's state from
     * now on. A cluster that is not Ready is a {@link ClusterConflictException}.
     */
    LoadOutcome loadImages(ClusterName name, List<String> images);

    /** The local registry every cluster made is wired to; empty when kindserver runs none. */
    Optional<LocalRegistry> registry();

    /** Starts deleting a cluster in the background (cancelling a running create first). */
    DeleteOutcome delete(String name);

    /**
     * Tells {@code listener} of every change of a cluster's {@link #get} answer from now on (see
     * {@link ClusterChanges}); for long-polls, which learn of a change where it happens instead of asking again.
     */
    void subscribe(ClusterChanges listener);

    /** True when the Docker engine answers; backs {@code /readyz}. */
    boolean ready();

    /**
     * Stops accepting work and waits for running kind processes; those still running at the deadline
     * are stopped and their clusters recorded as Failed with a message, never silently orphaned.
     */
    @Override
    void close();

    /** The answer to a create. */
    sealed interface CreateOutcome {
        ClusterInfo cluster();

        /** Creation runs in the background (just started, or already running with the same config): 202. */
        record Accepted(ClusterInfo cluster) implements CreateOutcome {}

        /** The cluster exists with the same config and nothing was started: 200. */
        record Exists(ClusterInfo cluster) implements CreateOutcome {}
    }

    /** The answer to an image load. */
    sealed interface LoadOutcome {

        /** The loads are queued (or were already): 202 with the cluster. */
        record Accepted(ClusterInfo cluster) implements LoadOutcome {}

        /** No such cluster: 404. */
        record NotFound(String name) implements LoadOutcome {}
    }

    /** The answer to a delete. */
    sealed interface DeleteOutcome {

        /** Deletion runs in the background (or already ran): 202. */
        record Deleting(ClusterInfo cluster) implements DeleteOutcome {}

        /** No such cluster: 404. */
        record NotFound(String name) implements DeleteOutcome {}
    }
}
