/**
 * Benchmarks of kindserver's reads, each a Maven profile that prints figures and asserts nothing. {@code bench}:
 * read latency as provider-kind sees it (through the SDK over HTTPS, 1 to 100 clients, {@link KindServerBenchmark}).
 * {@code bench-get}: GET near the machine's ceiling beside nginx serving the same bytes ({@link GetBenchmark}), with
 * Debian's wrk, an open-loop generator of its own ({@link OpenLoop}) run in rounds that alternate the two servers
 * ({@link PacedRounds}), and what kindserver's JVM allocated, compiled and collected ({@link AttachedJvm}).
 */
package io.providerkind.kindserver.bench;
