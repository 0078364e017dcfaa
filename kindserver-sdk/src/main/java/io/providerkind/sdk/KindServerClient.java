package io.providerkind.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Client of one kindserver. Every method throws a {@link KindServerException} subclass on failure:
 * {@link UnauthorizedException}, {@link ConflictException}, {@link BadRequestException},
 * {@link ServerErrorException} or {@link UnreachableException}.
 *
 * <p>Build one with {@link KindServerClients#builder()}.
 */
public interface KindServerClient {

    /** Every cluster kindserver knows, without kubeconfigs. */
    List<ClusterInfo> list();

    /** The cluster with its kubeconfigs, or empty when kindserver does not know it (404). */
    Optional<ClusterInfo> find(String name);

    /** {@link #find} with the answer's ETag, to wait on with {@link #awaitChange}. */
    default Optional<ObservedCluster> observe(String name) {
        return find(name).map(cluster -> new ObservedCluster(cluster, Optional.empty()));
    }

    /**
     * Waits, without holding the caller's thread, until the cluster's answer is no longer the one named {@code etag}
     * (see {@link WaitForChange}); {@code timeout} is capped at {@link WaitForChange#MAX_TIMEOUT}. The future fails
     * with a {@link KindServerException} as the other calls throw one; a client without long-polls fails it with
     * an {@link UnsupportedOperationException}.
     */
    default CompletableFuture<ClusterChange> awaitChange(String name, String etag, Duration timeout) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException(getClass().getSimpleName() + " does not wait for changes"));
    }

    /** Like {@link #find} but a missing cluster is a {@link ClusterNotFoundException}. */
    default ClusterInfo get(String name) {
        return find(name).orElseThrow(() -> new ClusterNotFoundException(404, "cluster " + name + " not found"));
    }

    /**
     * Starts creating the cluster and returns at once (202), or returns the cluster as it is when it
     * already exists with the same config (200). A cluster that exists with another config is a
     * {@link ConflictException}.
     */
    default ClusterInfo create(String name, String kindConfig) {
        return create(name, kindConfig, null);
    }

    /**
     * {@link #create(String, String)} on behalf of {@code owner} (null: none). kindserver records the owner of a
     * cluster it creates and answers a create by anyone else with a {@link ConflictException} whose message names
     * the owner; a same-config create with an owner adopts a cluster recorded without one.
     */
    ClusterInfo create(String name, String kindConfig, String owner);

    /**
     * {@link #create(String, String, String)} with the ETag of the answer, to wait on with {@link #awaitChange}
     * without a GET; empty when kindserver sent none.
     */
    default ObservedCluster createObserved(String name, String kindConfig, String owner) {
        return new ObservedCluster(create(name, kindConfig, owner), Optional.empty());
    }

    /**
     * {@link #delete} answering the cluster as kindserver accepted its delete, with the answer's ETag when it sent
     * one; empty when kindserver did not know the cluster, or (a client without ETags) always.
     */
    default Optional<ObservedCluster> deleteObserved(String name) {
        delete(name);
        return Optional.empty();
    }

    /**
     * Asks kindserver to load {@code images} from its Docker host into every node of the cluster and returns at once
     * (202) with the cluster, whose {@link ClusterInfo#images()} then tell each image's progress and result, and the
     * answer's ETag. An image already loaded is not loaded again; an image missing on the Docker host fails alone
     * ({@link ImageLoadState#Failed}). A cluster kindserver does not know is a {@link ClusterNotFoundException}, one
     * that is not Ready a {@link ConflictException}, an empty list or a malformed reference a
     * {@link BadRequestException}. A client without image loads throws {@link UnsupportedOperationException}.
     */
    default ObservedCluster loadImages(String name, List<String> images) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not load images");
    }

    /**
     * The local registry kindserver runs for its clusters ({@code --registry}); empty when it runs none. Asks
     * kindserver each time (the list answer carries it).
     */
    default Optional<LocalRegistry> registry() {
        return Optional.empty();
    }

    /**
     * Starts deleting the cluster. Returns true when kindserver accepted the delete (202), false when
     * it did not know the cluster (404: already gone).
     */
    boolean delete(String name);
}
