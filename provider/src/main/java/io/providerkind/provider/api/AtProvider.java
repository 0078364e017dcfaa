package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

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
 * @param images            each image of spec.forProvider.preloadImages that kindserver reports, in the spec's
 *                          order; an image kindserver does not list has not been asked for yet (that happens
 *                          once the cluster is Ready)
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
        DriftStatus drift,

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @JsonPropertyDescription("Each image of spec.forProvider.preloadImages that kindserver reports, with the"
                + " state of its load; an image not listed has not been asked of kindserver yet (it is, once the"
                + " cluster is Ready; Synced says why when kindserver refused).")
        List<ImageStatus> images) {

    public AtProvider {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** What kindserver reports of a cluster before any image was asked for. */
    public AtProvider(
            String phase,
            String progress,
            String internalIP,
            String kubernetesVersion,
            String endpoint,
            String configHash,
            String message,
            DriftStatus drift) {
        this(phase, progress, internalIP, kubernetesVersion, endpoint, configHash, message, drift, List.of());
    }

    public static AtProvider empty() {
        return new AtProvider(null, null, null, null, null, null, null, null);
    }

    public AtProvider withDrift(DriftStatus newDrift) {
        return new AtProvider(
                phase, progress, internalIP, kubernetesVersion, endpoint, configHash, message, newDrift, images);
    }

    public AtProvider withImages(List<ImageStatus> newImages) {
        return new AtProvider(
                phase, progress, internalIP, kubernetesVersion, endpoint, configHash, message, drift, newImages);
    }
}
