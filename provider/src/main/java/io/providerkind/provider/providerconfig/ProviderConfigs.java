package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.client.CustomResource;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.ProviderConfigKey;
import io.providerkind.provider.api.ProviderConfigSpec;
import io.providerkind.provider.api.ProviderConfigStatus;
import io.providerkind.provider.api.m.ClusterProviderConfig;
import io.providerkind.provider.runtime.CachedReader;
import java.util.Optional;

/**
 * Finds the ProviderConfig a {@link ProviderConfigKey} names among the three kinds, each read from its controller's
 * informer cache: a namespaced key is looked up in its own namespace only, so a tenant's reference never reaches
 * another tenant's ProviderConfig of the same name.
 */
public final class ProviderConfigs {

    private final CachedReader<ProviderConfig> legacy;
    private final CachedReader<ClusterProviderConfig> cluster;
    private final CachedReader<io.providerkind.provider.api.m.ProviderConfig> namespaced;

    public ProviderConfigs(
            CachedReader<ProviderConfig> legacy,
            CachedReader<ClusterProviderConfig> cluster,
            CachedReader<io.providerkind.provider.api.m.ProviderConfig> namespaced) {
        this.legacy = legacy;
        this.cluster = cluster;
        this.namespaced = namespaced;
    }

    /** The spec of the ProviderConfig with this key; empty when there is none. */
    public Optional<ProviderConfigSpec> spec(ProviderConfigKey key) {
        Optional<? extends CustomResource<ProviderConfigSpec, ProviderConfigStatus>> found;
        if (key instanceof ProviderConfigKey.Namespaced n) {
            found = namespaced.get(n.namespace(), n.name());
        } else if (key instanceof ProviderConfigKey.Cluster c) {
            found = cluster.get(null, c.name());
        } else {
            found = legacy.get(null, key.name());
        }
        return found.map(CustomResource::getSpec);
    }
}
