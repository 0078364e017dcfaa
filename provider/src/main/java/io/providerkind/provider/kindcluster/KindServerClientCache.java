package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.ProviderConfigKey;
import io.providerkind.sdk.KindServerClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One kindserver client per ProviderConfig, kept while its connection is unchanged: an HTTP client
 * keeps connections and TLS sessions, which a poll every few seconds per cluster should reuse rather
 * than rebuild. A changed ProviderConfig (new URL, rotated password, new CA) gets a new client.
 *
 * <p>Keyed by the ProviderConfig's kind, namespace and name: team-a's ProviderConfig {@code default}, team-b's and
 * the ClusterProviderConfig {@code default} hold different passwords, and sharing a client among them would let one
 * tenant's clusters be reconciled with another's credentials.
 */
public final class KindServerClientCache {

    private final KindServerClientFactory factory;
    private final Map<ProviderConfigKey, Entry> byProviderConfig = new ConcurrentHashMap<>();

    public KindServerClientCache(KindServerClientFactory factory) {
        this.factory = factory;
    }

    public KindServerClient clientFor(ProviderConfigKey providerConfig, KindServerConnection connection) {
        Entry entry = byProviderConfig.compute(
                providerConfig,
                (key, current) -> current != null && current.connection.equals(connection)
                        ? current
                        : new Entry(connection, factory.create(connection)));
        return entry.client;
    }

    private record Entry(KindServerConnection connection, KindServerClient client) {}
}
