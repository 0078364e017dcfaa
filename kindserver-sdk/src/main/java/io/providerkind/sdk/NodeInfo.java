package io.providerkind.sdk;

/**
 * One node container of a kind cluster.
 *
 * @param name  container name, e.g. {@code dev-control-plane}
 * @param role  value of the {@code io.x-k8s.kind.role} label (control-plane, worker, external-load-balancer)
 * @param state Docker's container state (running, exited, ...)
 * @param ip    the node's IPv4 address on the kind network, null when not attached
 */
public record NodeInfo(String name, String role, String state, String ip) {

    public boolean running() {
        return "running".equals(state);
    }
}
