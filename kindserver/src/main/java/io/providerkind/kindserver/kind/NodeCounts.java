package io.providerkind.kindserver.kind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The nodes a kind config asks for. kind defaults a config without {@code nodes} to one control-plane,
 * and a node without {@code role} to control-plane.
 *
 * @param images distinct node images (kind ensures each in a step of its own)
 */
public record NodeCounts(int controlPlanes, int workers, int images) {

    static NodeCounts of(JsonNode config) {
        JsonNode nodes = config.path("nodes");
        if (nodes.isMissingNode() || nodes.isNull()) {
            return new NodeCounts(1, 0, 1);
        }
        if (!nodes.isArray()) {
            throw new InvalidRequestException("kindConfig nodes must be a list of nodes");
        }
        int controlPlanes = 0;
        int workers = 0;
        java.util.Set<String> images = new java.util.HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                throw new InvalidRequestException("kindConfig nodes[" + i + "] must be a mapping with a role");
            }
            // a node without image runs kind's default one
            images.add(node.path("image").asText(""));
            String role = node.path("role").asText("control-plane");
            switch (role) {
                case "control-plane" -> controlPlanes++;
                case "worker" -> workers++;
                default ->
                    throw new InvalidRequestException("kindConfig nodes[" + i + "].role must be control-plane"
                            + " or worker, got '" + (role.length() > 40 ? role.substring(0, 40) + "..." : role) + "'");
            }
        }
        if (controlPlanes == 0) {
            throw new InvalidRequestException("kindConfig must have at least one control-plane node");
        }
        return new NodeCounts(controlPlanes, workers, images.size());
    }

    /** Containers kind runs: the nodes, plus an external load balancer in front of several control-planes. */
    public int containers() {
        return controlPlanes + workers + (controlPlanes > 1 ? 1 : 0);
    }
}
