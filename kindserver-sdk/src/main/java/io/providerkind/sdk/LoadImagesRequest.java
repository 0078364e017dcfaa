package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Body of {@code POST /api/v1/kindserver/{name}/images}: images present in the Docker host's engine, to be copied
 * into every node of the cluster (what {@code kind load docker-image} does).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadImagesRequest(List<String> images) {

    public LoadImagesRequest {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
