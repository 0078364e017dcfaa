package io.providerkind.sdk;

import java.util.Optional;

/**
 * A cluster as one GET answered it, with that answer's ETag to wait on ({@link KindServerClient#awaitChange});
 * empty when kindserver sent none (a kindserver older than {@link WaitForChange}).
 */
public record ObservedCluster(ClusterInfo cluster, Optional<String> etag) {}
