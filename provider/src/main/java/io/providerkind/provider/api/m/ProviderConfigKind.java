package io.providerkind.provider.api.m;

/**
 * The kinds a namespaced managed resource may name in its providerConfigRef. An enum rather than crossplane's free
 * string, so that the API server refuses a misspelt kind instead of the provider finding no ProviderConfig later.
 */
public enum ProviderConfigKind {
    ClusterProviderConfig,
    ProviderConfig
}
