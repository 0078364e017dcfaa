package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * The desired kind cluster.
 *
 * @param kindConfig    the kind config as YAML ({@code kind: Cluster}, {@code apiVersion: kind.x-k8s.io/v1alpha4}),
 *                      exactly as kind takes it. kindserver sets the API server address and port itself.
 * @param preloadImages images of kindserver's Docker host to load into every node once the cluster is Ready, and
 *                      again when the list changes; null when none (left out, so that a KindCluster written back
 *                      by the provider keeps the spec the user applied)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForProvider(
        @Required
        @JsonPropertyDescription("The kind config as YAML (kind: Cluster, apiVersion: kind.x-k8s.io/v1alpha4)."
                + " kindserver sets networking.apiServerAddress and apiServerPort itself. A change after creation"
                + " is reported as drift and never applied: kind clusters cannot be changed in place.")
        String kindConfig,

        @JsonPropertyDescription("Images to load into every node of the cluster, as `kind load docker-image` does,"
                + " by reference (e.g. registry.example/app:1.2). They must exist in the Docker engine of"
                + " kindserver's host: nothing is pulled, and an image missing there fails alone (see"
                + " status.atProvider.images) while the cluster stays Ready. Loaded once the cluster is Ready and"
                + " whenever this list changes; a changed list is an update, never drift, and needs Update in"
                + " managementPolicies. Removing an image from the list does not remove it from the nodes.")
        List<String> preloadImages) {

    /** A cluster without images to preload. */
    public ForProvider(String kindConfig) {
        this(kindConfig, null);
    }
}
