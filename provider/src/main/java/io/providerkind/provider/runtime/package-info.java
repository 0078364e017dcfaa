/**
 * Provider plumbing free of any resource kind, used by the controllers and the entry point: {@link CachedReader}
 * (informer cache first, API server on a miss), {@link MetricsServer} (/metrics and the health probes),
 * {@link KubeApiRequests} (counts requests to the Kubernetes API) and {@link GoDuration} (Go-style duration flags).
 * Depends on no other provider package.
 */
package io.providerkind.provider.runtime;
