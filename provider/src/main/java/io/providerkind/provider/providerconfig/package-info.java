/**
 * ProviderConfigs as crossplane-runtime treats them, for the three kinds (the legacy {@code kind.crossplane.io}
 * ProviderConfig, and {@code kind.m.crossplane.io}'s ClusterProviderConfig and namespaced ProviderConfig):
 * {@link ProviderConfigAccounting} keeps one from being deleted while usages name it,
 * {@link ProviderConfigUsageTracker} records those usages, {@link ProviderConfigs} finds the one a key names, and
 * {@link CredentialsExtractor} with {@link CredentialsSecrets} reads the kindserver password from where the
 * ProviderConfig says (a watched Secret, the environment or a file; a namespaced one's Secret of its own namespace
 * only). Errors name the place, never the value.
 */
package io.providerkind.provider.providerconfig;
