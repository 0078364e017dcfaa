package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.ProviderConfigSpec;
import io.providerkind.provider.managed.ExternalClient;
import io.providerkind.provider.managed.ExternalConnector;
import io.providerkind.provider.providerconfig.CredentialsExtractor;
import io.providerkind.provider.providerconfig.ProviderConfigUsageTracker;
import io.providerkind.provider.runtime.CachedReader;
import io.providerkind.sdk.KindServerClient;
import java.time.Clock;

/**
 * Connects a KindCluster to the kindserver its ProviderConfig names: records the usage first (so the
 * ProviderConfig is protected even when the rest fails), reads the ProviderConfig and its password,
 * and hands out a cached SDK client. The ProviderConfig comes from the controller's informer cache and
 * the password from a watched Secret, so connecting costs no API request in the steady state.
 */
public final class KindClusterConnector implements ExternalConnector<KindCluster> {

    private final CachedReader<ProviderConfig> providerConfigs;
    private final ProviderConfigUsageTracker usages;
    private final CredentialsExtractor credentials;
    private final KindServerClientCache clients;
    private final DriftAlerts alerts;
    private final FailedCreateRetries retries;
    private final Clock clock;
    private final ClusterOwners owners;

    public KindClusterConnector(
            CachedReader<ProviderConfig> providerConfigs,
            ProviderConfigUsageTracker usages,
            CredentialsExtractor credentials,
            KindServerClientCache clients,
            DriftAlerts alerts,
            FailedCreateRetries retries,
            Clock clock,
            ClusterOwners owners) {
        this.providerConfigs = providerConfigs;
        this.usages = usages;
        this.credentials = credentials;
        this.clients = clients;
        this.alerts = alerts;
        this.retries = retries;
        this.clock = clock;
        this.owners = owners;
    }

    @Override
    public ExternalClient<KindCluster> connect(KindCluster cluster) {
        String name = cluster.providerConfigReference().name();
        try {
            usages.track(cluster);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot track ProviderConfig usage: " + e.getMessage(), e);
        }
        ProviderConfig config = providerConfigs.get(null, name).orElse(null);
        if (config == null) {
            throw new IllegalStateException("cannot get ProviderConfig \"" + name + "\": not found");
        }
        ProviderConfigSpec spec = config.getSpec();
        if (spec == null || spec.endpoint() == null || spec.endpoint().url() == null) {
            throw new IllegalStateException("ProviderConfig \"" + name + "\" has no spec.endpoint.url");
        }
        String password;
        try {
            password = credentials.extract(spec.credentials());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot get credentials of ProviderConfig \"" + name + "\": " + e.getMessage(), e);
        }
        KindServerConnection connection = new KindServerConnection(
                KindServerConnection.apiUrl(spec.endpoint().url()),
                password,
                spec.endpoint().caBundle(),
                spec.endpoint().skipsVerification());
        KindServerClient client;
        try {
            client = clients.clientFor(name, connection);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ProviderConfig \"" + name + "\": " + e.getMessage(), e);
        }
        String webhook = spec.alerts() == null ? null : spec.alerts().webhookURL();
        return new KindClusterExternal(client, connection.url(), alerts, webhook, retries, clock, owners);
    }
}
