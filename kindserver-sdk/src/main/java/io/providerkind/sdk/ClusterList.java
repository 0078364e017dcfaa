package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Body of {@code GET /api/v1/kindserver}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterList(List<ClusterInfo> clusters) {

    public ClusterList {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
    }
}
