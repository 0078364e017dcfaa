/**
 * Provider plumbing free of any resource kind, used by the controllers and the entry point: {@link CachedReader}
 * (informer cache first, API server on a miss), {@link MetricsServer} (/metrics and the health probes),
 * {@link KubeApiRequests} (counts requests to the Kubernetes API), {@link GoDuration} (Go-style duration flags) and
 * {@link ProviderLogging} (provider.jar's log output, set up in code).
 * Depends on no other provider package.
 */
package io.providerkind.provider.runtime;
