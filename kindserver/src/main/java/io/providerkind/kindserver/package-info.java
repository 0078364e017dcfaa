/**
 * kindserver's entry point and assembly: {@link KindServerMain} reads the flags, {@link KindServerLauncher} builds the
 * parts in order (Docker client, cluster service, TLS identity, HTTPS API) so the API never answers before the clusters
 * are known, and {@link KindServer} is the running whole whose {@code close()} is the graceful shutdown. Wiring only:
 * what kindserver does lives in the subpackages.
 */
package io.providerkind.kindserver;
