package io.providerkind.provider.api.m;

import io.fabric8.generator.annotation.Required;

/**
 * A ProviderConfig by kind and name, as crossplane-runtime v2's {@code xpv1.ProviderConfigReference}.
 *
 * @param kind ClusterProviderConfig, or ProviderConfig for one in the managed resource's own namespace
 * @param name the ProviderConfig's name
 */
public record ProviderConfigReference(
        @Required ProviderConfigKind kind, @Required String name) {}
