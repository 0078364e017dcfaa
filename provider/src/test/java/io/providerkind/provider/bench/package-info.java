/**
 * Benchmarks of the provider, not tests: they print figures beside references from the same run and assert nothing.
 * {@link ProviderBenchmark} (the {@code provider-bench} Maven profile) times Ready=True and counts API requests per
 * poll on a real API server with kindserver faked in memory; {@link ProviderStartBenchmark} (the
 * {@code provider-start-bench} profile) starts provider.jar as the image starts it and times its start to the first
 * reconcile and measures its memory with a fleet of KindClusters; {@link ApplyToReadyBenchmark} (the
 * {@code apply-bench} profile) times kubectl apply to Ready=True on real parts beside kind alone, and where the time
 * around kind goes.
 */
package io.providerkind.provider.bench;
