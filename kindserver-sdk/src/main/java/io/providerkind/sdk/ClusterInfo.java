package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What kindserver knows of one kind cluster (the REST API's ClusterInfo).
 *
 * <p>{@code kubeconfig} points at {@code endpoint} ({@code https://<hostIP>:<port>}), reachable from the
 * host and from every other kind cluster; {@code internalKubeconfig} points at
 * {@code https://<name>-control-plane:6443} for use on the kind network. List answers leave both
 * kubeconfigs out. {@code owner} is what the client that created the cluster sent as its owner
 * ({@link CreateClusterRequest#owner()}); null for a cluster made by hand, one created without an owner, or one
 * recorded by a kindserver older than owners. {@code images} are the images kindserver was asked to load into the
 * cluster ({@link LoadImagesRequest}), in the order asked, each with how far its load has come; empty when none was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterInfo(
        String name,
        ClusterPhase phase,
        Progress progress,
        String endpoint,
        String kubeconfig,
        String internalKubeconfig,
        String kubernetesVersion,
        String internalIP,
        List<NodeInfo> nodes,
        String configHash,
        String message,
        Instant createdAt,
        String owner,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ImageLoad> images) {

    public ClusterInfo {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A cluster no image was asked for. */
    public ClusterInfo(
            String name,
            ClusterPhase phase,
            Progress progress,
            String endpoint,
            String kubeconfig,
            String internalKubeconfig,
            String kubernetesVersion,
            String internalIP,
            List<NodeInfo> nodes,
            String configHash,
            String message,
            Instant createdAt,
            String owner) {
        this(
                name,
                phase,
                progress,
                endpoint,
                kubeconfig,
                internalKubeconfig,
                kubernetesVersion,
                internalIP,
                nodes,
                configHash,
                message,
                createdAt,
                owner,
                List.of());
    }

    /** A cluster without an owner, as kindserver before owners described every cluster. */
    public ClusterInfo(
            String name,
            ClusterPhase phase,
            Progress progress,
            String endpoint,
            String kubeconfig,
            String internalKubeconfig,
            String kubernetesVersion,
            String internalIP,
            List<NodeInfo> nodes,
            String configHash,
            String message,
            Instant createdAt) {
        this(
                name,
                phase,
                progress,
                endpoint,
                kubeconfig,
                internalKubeconfig,
                kubernetesVersion,
                internalIP,
                nodes,
                configHash,
                message,
                createdAt,
                null);
    }

    /** The same cluster without its kubeconfigs, as list answers carry it. */
    public ClusterInfo withoutKubeconfigs() {
        return new ClusterInfo(
                name,
                phase,
                progress,
                endpoint,
                null,
                null,
                kubernetesVersion,
                internalIP,
                nodes,
                configHash,
                message,
                createdAt,
                owner,
                images);
    }

    /** The same cluster with {@code images} as its preload. */
    public ClusterInfo withImages(List<ImageLoad> images) {
        return new ClusterInfo(
                name,
                phase,
                progress,
                endpoint,
                kubeconfig,
                internalKubeconfig,
                kubernetesVersion,
                internalIP,
                nodes,
                configHash,
                message,
                createdAt,
                owner,
                images);
    }
}
