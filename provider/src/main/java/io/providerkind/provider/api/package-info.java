/**
 * The provider's Kubernetes API: the legacy cluster-scoped custom resources it serves ({@link KindCluster},
 * {@link ProviderConfig}, {@link ProviderConfigUsage}) with their spec and status records, the Java shapes of
 * crossplane-runtime's common types ({@link Managed}, {@link Condition}, references, selectors, policies), and what
 * both API groups share: {@link KindClusterResource} and {@link ProviderConfigKey}. The namespaced Crossplane v2
 * resources are in the {@code m} subpackage and reuse the records here. package/crds is generated from these types
 * and a test fails when they differ, so a change here changes the CRDs users apply. Types only: no reconciling, no
 * client calls.
 */
package io.providerkind.provider.api;
