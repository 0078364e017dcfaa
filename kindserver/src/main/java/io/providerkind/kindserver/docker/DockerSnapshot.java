package io.providerkind.kindserver.docker;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind node container at one moment, grouped by cluster, with each cluster's Kubernetes version.
 * Reads answer from the latest snapshot; {@code generation} orders snapshots (a later one was listed
 * after an earlier one finished).
 *
 * @param generation increases with every listing
 * @param reachable  false when Docker did not answer (the clusters are then those of the last good listing)
 * @param failure    why Docker did not answer, for operators and clients; null when it did
 * @param clusters   node containers by cluster name, control-plane first
 * @param versions   Kubernetes version by cluster name, where known
 */
public record DockerSnapshot(
        long generation,
        boolean reachable,
        String failure,
        Map<String, List<NodeContainer>> clusters,
        Map<String, String> versions) {

    static final Comparator<NodeContainer> CONTROL_PLANE_FIRST =
            Comparator.comparing((NodeContainer n) -> !n.controlPlane()).thenComparing(NodeContainer::name);

    public DockerSnapshot {
        clusters = Map.copyOf(clusters);
        versions = Map.copyOf(versions);
    }

    /** A listing as Docker answered it ({@code reachable}) or the last one it answered (not). */
    public DockerSnapshot(
            long generation,
            boolean reachable,
            Map<String, List<NodeContainer>> clusters,
            Map<String, String> versions) {
        this(generation, reachable, reachable ? null : "Docker has not been asked yet", clusters, versions);
    }

    /** Before the first listing: Docker has not been asked, nothing is known. */
    public static DockerSnapshot empty() {
        return new DockerSnapshot(0, false, Map.of(), Map.of());
    }

    public List<NodeContainer> nodes(String cluster) {
        return clusters.getOrDefault(cluster, List.of());
    }

    public Optional<NodeContainer> controlPlane(String cluster) {
        return nodes(cluster).stream().filter(NodeContainer::controlPlane).findFirst();
    }

    public Optional<String> version(String cluster) {
        return Optional.ofNullable(versions.get(cluster));
    }

    /** Host ports published by any kind node, so none is handed to a new cluster. */
    public Set<Integer> publishedPorts() {
        Set<Integer> ports = new HashSet<>();
        clusters.values().forEach(nodes -> nodes.forEach(node -> ports.addAll(node.publishedPorts())));
        return ports;
    }

    /** The same clusters, marked as not confirmed by Docker this time, and why. */
    DockerSnapshot unreachable(long nextGeneration, String why) {
        return new DockerSnapshot(nextGeneration, false, why, clusters, versions);
    }
}
