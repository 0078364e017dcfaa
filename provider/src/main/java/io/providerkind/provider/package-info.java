/**
 * provider-kind's entry point and assembly: {@link ProviderMain} reads Crossplane-style flags into
 * {@link ProviderSettings} and serves metrics, and {@link Provider} registers the KindCluster and ProviderConfig
 * controllers on one java-operator-sdk operator (with optional leader election). {@link BackgroundStart} makes the
 * client and reads the identity while the flags are read; a failed start is one line ({@link StartFailures}). Wiring
 * only; tests start {@link Provider} in-process with a fake kindserver behind the client factory.
 */
package io.providerkind.provider;
