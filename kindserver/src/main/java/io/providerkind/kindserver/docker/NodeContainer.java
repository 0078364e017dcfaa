package io.providerkind.kindserver.docker;

import io.providerkind.sdk.NodeInfo;
import java.time.Instant;
import java.util.Set;

/**
 * One kind node container as Docker shows it.
 *
 * @param id             container id
 * @param name           container name (without Docker's leading slash), e.g. {@code dev-control-plane}
 * @param cluster        value of the {@code io.x-k8s.kind.cluster} label
 * @param role           value of the {@code io.x-k8s.kind.role} label
 * @param state          Docker's state: running, exited, created, ...
 * @param ip             IPv4 address on the {@code kind} network, null when not attached or stopped
 * @param image          the image the container runs, e.g. {@code kindest/node:v1.31.0}
 * @param publishedPorts host ports the container publishes (the API server port among them)
 * @param createdAt      when Docker created the container
 */
public record NodeContainer(
        String id,
        String name,
        String cluster,
        String role,
        String state,
        String ip,
        String image,
        Set<Integer> publishedPorts,
        Instant createdAt) {

    public NodeContainer {
        publishedPorts = Set.copyOf(publishedPorts);
    }

    public boolean running() {
        return "running".equals(state);
    }

    public boolean controlPlane() {
        return "control-plane".equals(role);
    }

    public NodeInfo toNodeInfo() {
        return new NodeInfo(name, role, state, ip);
    }
}
