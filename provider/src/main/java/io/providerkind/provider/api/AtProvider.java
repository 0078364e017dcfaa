package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The kind cluster as kindserver last reported it.
 *
 * @param phase             Creating, Ready, Failed, Deleting or Stopped
 * @param progress          kind's step while creating, e.g. "3/6 Starting control-plane"
 * @param internalIP        the control-plane node's IP on the kind network
 * @param kubernetesVersion the nodes' Kubernetes version, e.g. v1.31.0
 * @param endpoint          the API server URL reachable from the host and from other kind clusters
 * @param configHash        kindserver's hash of the kind config the cluster was made with
 * @param message           why the cluster failed, in kind's own words
 * @param drift             the drift last alerted on; absent while the cluster is as its KindCluster says
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtProvider(
        String phase,
        String progress,
        String internalIP,
        String kubernetesVersion,
        String endpoint,
        String configHash,
        String message,
        DriftStatus drift) {

    public static AtProvider empty() {
        return new AtProvider(null, null, null, null, null, null, null, null);
    }

    public AtProvider withDrift(DriftStatus newDrift) {
        return new AtProvider(phase, progress, internalIP, kubernetesVersion, endpoint, configHash, message, newDrift);
    }
}
