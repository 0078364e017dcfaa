package io.providerkind.kindserver.api;

/** Body of a successful {@code /healthz} or {@code /readyz}. */
public record HealthStatus(String status) {}
