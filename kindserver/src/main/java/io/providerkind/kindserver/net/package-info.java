/**
 * Where the API servers of kindserver's clusters listen: {@link ApiServerAddressing} holds the one advertise address
 * (by default the gateway of the docker {@code kind} network) and hands out one port per cluster from a
 * {@link PortRange}, skipping ports something on the host already uses ({@link PortProbe}). Address and port
 * bookkeeping only: it neither runs kind nor persists anything (a cluster's port is kept in its record).
 */
package io.providerkind.kindserver.net;
