/**
 * Benchmark of kindserver's read latency as provider-kind sees it (through the SDK over HTTPS, 1 to 100 clients),
 * run with the {@code bench} Maven profile. Not a test: {@link KindServerBenchmark} prints figures and asserts nothing.
 */
package io.providerkind.kindserver.bench;
