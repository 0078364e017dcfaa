/**
 * kindserver's HTTPS API (Javalin on Jetty, TLS only): a thin translation of
 * {@link io.providerkind.kindserver.clusters.ClusterService} into HTTP, plus the password check, health probes,
 * Prometheus endpoint and JSON error answers. {@code RouteTable} is the one list of routes, each declaring the statuses
 * it answers, and the served OpenAPI document is checked against it ({@code OpenApiDocumentTest}). {@link ApiPaths} and
 * {@link ErrorCodes} are the server side of the wire contract whose records live in kindserver-sdk. Start at
 * {@link HttpApi}; no cluster logic here, bad input is refused with a 400 before the service sees it.
 * {@code Transport} holds what a connection may do below HTTP (TLS versions and suites, renegotiation, header size
 * and time limits).
 */
package io.providerkind.kindserver.api;
