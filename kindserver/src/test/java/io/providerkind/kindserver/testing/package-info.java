/**
 * Test support shared by kindserver's test packages: a complete in-process kindserver ({@link KindServerFixture}) or
 * one in its own JVM to kill ({@link KindServerProcess}), an {@link InMemoryClusterService} for tests of the HTTP
 * layer, and the real parts (Docker, the kind test double) that skip a test locally and fail it under CI
 * ({@link DockerEngine}, {@link KindDouble}, by test-support's rule), a {@link KindWrapper} around the double that
 * records each run's environment and holds or slows a run on request, {@link DockerProxy} (the Docker socket behind
 * a proxy that can be down, forwarding or hung) and a {@link ManualClock} for time a test moves. Also holds
 * {@code KindDoubleContractTest}, which
 * keeps the kind test double true to kind.
 */
package io.providerkind.kindserver.testing;
