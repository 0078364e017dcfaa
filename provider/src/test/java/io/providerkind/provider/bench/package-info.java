/**
 * Benchmarks of the provider, run with Maven profiles; not tests: they print figures next to references measured in
 * the same run and assert nothing. {@link ProviderBenchmark} ({@code provider-bench}): on a real API server with
 * kindserver faked in memory, time to Ready=True and API requests per poll at steady state.
 * {@link ApplyToReadyBenchmark} ({@code apply-bench}): on real parts, kubectl apply to Ready=True next to kind alone,
 * and where the time around kind goes.
 */
package io.providerkind.provider.bench;
