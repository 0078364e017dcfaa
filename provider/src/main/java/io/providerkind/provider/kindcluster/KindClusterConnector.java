package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.KindClusterResource;
import io.providerkind.provider.api.ProviderConfigKey;
import io.providerkind.provider.api.ProviderConfigSpec;
import io.providerkind.provider.managed.ExternalClient;
import io.providerkind.provider.managed.ExternalConnector;
import io.providerkind.provider.providerconfig.CredentialsExtractor;
import io.providerkind.provider.providerconfig.ProviderConfigUsageTracker;
import io.providerkind.provider.providerconfig.ProviderConfigs;
import io.providerkind.sdk.KindServerClient;
import java.time.Clock;

/**
 * Connects a KindCluster to the kindserver its ProviderConfig names: records the usage first (so the
 * ProviderConfig is protected even when the rest fails), reads the ProviderConfig and its password,
 * and hands out a cached SDK client. The ProviderConfig comes from the controller's informer cache and
 * the password from a watched Secret, so connecting costs no API request in the steady state. Serves the legacy
 * and the namespaced KindCluster alike: the ProviderConfig's key says which kind to read, and where.
 *
 * @param <M> the KindCluster kind connected
 */
public final class KindClusterConnector<M extends KindClusterResource> implements ExternalConnector<M> {

    private final ProviderConfigs providerConfigs;
    private final ProviderConfigUsageTracker usages;
    private final CredentialsExtractor credentials;
    private final KindServerClientCache clients;
    private final DriftAlerts alerts;
    private final FailedCreateRetries retries;
    private final Clock clock;
    private final ClusterOwners owners;
    private final KindServerChanges<? super M> changes;
    private final ImageLoadFailures imageFailures;

    /**
     * @param changes       the controller's source of reconciles on kindserver's changes of a busy cluster
     * @param imageFailures the Events of the controller's kind for preload images that failed
     */
    public KindClusterConnector(
            ProviderConfigs providerConfigs,
            ProviderConfigUsageTracker usages,
            CredentialsExtractor credentials,
            KindServerClientCache clients,
            DriftAlerts alerts,
            FailedCreateRetries retries,
            Clock clock,
            ClusterOwners owners,
            KindServerChanges<? super M> changes,
            ImageLoadFailures imageFailures) {
        this.providerConfigs = providerConfigs;
        this.usages = usages;
        this.credentials = credentials;
        this.clients = clients;
        this.alerts = alerts;
        this.retries = retries;
        this.clock = clock;
        this.owners = owners;
        this.changes = changes;
        this.imageFailures = imageFailures;
    }

    @Override
    public ExternalClient<M> connect(M cluster) {
        ProviderConfigKey key = cluster.providerConfigKey();
        String name = key.describe();
        try {
            usages.track(cluster);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot track ProviderConfig usage: " + e.getMessage(), e);
        }
        ProviderConfigSpec spec = providerConfigs.spec(key).orElse(null);
        if (spec == null) {
            throw new IllegalStateException("cannot get " + name + ": not found");
        }
        if (spec.endpoint() == null || spec.endpoint().url() == null) {
            throw new IllegalStateException(name + " has no spec.endpoint.url");
        }
        String password;
        try {
            password = credentials.extract(key, spec.credentials());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot get credentials of " + name + ": " + e.getMessage(), e);
        }
        KindServerConnection connection = new KindServerConnection(
                KindServerConnection.apiUrl(spec.endpoint().url()),
                password,
                spec.endpoint().caBundle(),
                spec.endpoint().skipsVerification());
        KindServerClient client;
        try {
            client = clients.clientFor(key, connection);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
        String webhook = spec.alerts() == null ? null : spec.alerts().webhookURL();
        return new KindClusterExternal<>(
                client, changes, connection.url(), alerts, webhook, retries, clock, owners, imageFailures);
    }
}
