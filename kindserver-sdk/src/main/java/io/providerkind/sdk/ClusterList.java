package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of {@code GET /api/v1/kindserver}: every cluster, and the local registry kindserver runs for them (null when
 * it runs none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterList(List<ClusterInfo> clusters, LocalRegistry registry) {

    public ClusterList {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
    }

    /** Clusters of a kindserver that runs no registry. */
    public ClusterList(List<ClusterInfo> clusters) {
        this(clusters, null);
    }
}
