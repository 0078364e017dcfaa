/**
 * The provider's namespaced API for Crossplane v2, beside the legacy cluster-scoped one in the parent package and
 * shaped as provider-kubernetes' and provider-helm's {@code .m.} groups: {@link KindCluster}
 * ({@code container.kind.m.crossplane.io}), {@link ClusterProviderConfig}, {@link ProviderConfig} and
 * {@link ProviderConfigUsage} ({@code kind.m.crossplane.io}). A namespaced KindCluster names its ProviderConfig by
 * kind and name ({@link ProviderConfigReference}) and its connection Secret by name only: the Secret is always in
 * its own namespace, so a tenant cannot write into another's. Spec and status records the two APIs share (the
 * kind config, atProvider, conditions, a ProviderConfig's spec) are the parent package's. Types only.
 */
package io.providerkind.provider.api.m;
