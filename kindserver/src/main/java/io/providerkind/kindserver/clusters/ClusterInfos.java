package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.docker.NodeContainer;
import io.providerkind.kindserver.kind.Kubeconfigs;
import io.providerkind.kindserver.net.ApiServerAddressing;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.NodeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the ClusterInfo users see from memory only: a record (kindserver's work on the cluster), the
 * latest Docker snapshot (its nodes) and the fetched kubeconfigs. A Ready cluster with a node that does
 * not run is Stopped; a cluster made by hand (no record) has its phase from its containers, and no owner. The answer is always
 * whole: a list leaves the kubeconfigs out afterwards ({@code ClusterInfo.withoutKubeconfigs}) and nothing else,
 * so that list and get cannot disagree on phase, endpoint or anything else they both show.
 */
final class ClusterInfos {

    private ClusterInfos() {}

    static ClusterInfo of(
            ClusterRecord record, DockerSnapshot docker, Optional<Kubeconfigs> kubeconfigs, Optional<String> address) {
        List<NodeContainer> nodes = docker.nodes(record.name());
        ClusterPhase phase = record.phase();
        String message = record.message();
        if (phase == ClusterPhase.Ready) {
            Optional<String> stopped = stoppedNodes(nodes);
            if (stopped.isPresent()) {
                phase = ClusterPhase.Stopped;
                message = stopped.get();
            }
        }
        String endpoint = record.apiServerPort() == null
                ? kubeconfigs.map(Kubeconfigs::externalServer).orElse(null)
                : address.map(a -> ApiServerAddressing.endpoint(a, record.apiServerPort()))
                        .orElse(null);
        return new ClusterInfo(
                record.name(),
                phase,
                phase == ClusterPhase.Creating ? record.progress() : null,
                endpoint,
                kubeconfigs.map(Kubeconfigs::external).orElse(null),
                kubeconfigs.map(Kubeconfigs::internal).orElse(null),
                docker.version(record.name()).orElse(null),
                internalIp(docker, record.name()),
                nodeInfos(nodes),
                record.configHash(),
                message,
                record.createdAt(),
                record.owner());
    }

    /**
     * A cluster kindserver did not create: Stopped when a node does not run, Ready once its kubeconfig
     * could be read, Creating before (kind is still at work on it, or it never finished).
     */
    static ClusterInfo discovered(String name, DockerSnapshot docker, Optional<Kubeconfigs> kubeconfigs) {
        List<NodeContainer> nodes = docker.nodes(name);
        Optional<String> stopped = stoppedNodes(nodes);
        ClusterPhase phase = stopped.isPresent()
                ? ClusterPhase.Stopped
                : kubeconfigs.isPresent() ? ClusterPhase.Ready : ClusterPhase.Creating;
        String message = stopped.orElse(
                phase == ClusterPhase.Creating
                        ? "made with kind directly, not by kindserver; its kubeconfig cannot be read yet"
                        : "made with kind directly, not by kindserver; its config is unknown");
        Instant created = nodes.stream()
                .map(NodeContainer::createdAt)
                .filter(t -> t != null)
                .min(Instant::compareTo)
                .orElse(null);
        return new ClusterInfo(
                name,
                phase,
                null,
                kubeconfigs.map(Kubeconfigs::externalServer).orElse(null),
                kubeconfigs.map(Kubeconfigs::external).orElse(null),
                kubeconfigs.map(Kubeconfigs::internal).orElse(null),
                docker.version(name).orElse(null),
                internalIp(docker, name),
                nodeInfos(nodes),
                null,
                message,
                created);
    }

    private static Optional<String> stoppedNodes(List<NodeContainer> nodes) {
        List<NodeContainer> notRunning =
                nodes.stream().filter(n -> !n.running()).toList();
        if (notRunning.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("node(s) not running: "
                + notRunning.stream()
                        .map(n -> n.name() + " (" + n.state() + ")")
                        .collect(Collectors.joining(", ")));
    }

    private static String internalIp(DockerSnapshot docker, String name) {
        return docker.controlPlane(name).map(NodeContainer::ip).orElse(null);
    }

    private static List<NodeInfo> nodeInfos(List<NodeContainer> nodes) {
        return nodes.stream().map(NodeContainer::toNodeInfo).toList();
    }
}
