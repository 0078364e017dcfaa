/**
 * Benchmark of the provider on a real API server with kindserver faked in memory: time to Ready=True and API requests
 * per poll at steady state, run with the {@code provider-bench} Maven profile. Not a test: {@link ProviderBenchmark}
 * prints figures and asserts nothing.
 */
package io.providerkind.provider.bench;
