package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * The desired kind cluster.
 *
 * @param kindConfig the kind config as YAML ({@code kind: Cluster}, {@code apiVersion: kind.x-k8s.io/v1alpha4}),
 *                   exactly as kind takes it. kindserver sets the API server address and port itself.
 */
public record ForProvider(
        @Required
        @JsonPropertyDescription("The kind config as YAML (kind: Cluster, apiVersion: kind.x-k8s.io/v1alpha4)."
                + " kindserver sets networking.apiServerAddress and apiServerPort itself. A change after creation"
                + " is reported as drift and never applied: kind clusters cannot be changed in place.")
        String kindConfig) {}
