package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of {@code POST /api/v1/kindserver/{name}}: the kind config as YAML. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateClusterRequest(String kindConfig) {}
