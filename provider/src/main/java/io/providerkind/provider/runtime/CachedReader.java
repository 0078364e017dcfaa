package io.providerkind.provider.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;

/**
 * Reads single objects of one type from the informer cache of a java-operator-sdk event source, and
 * from the API server only on a miss: a poll of an unchanged resource then costs no API request.
 *
 * <p>A miss is never taken as "not found": the informer may not yet have seen an object created a
 * moment ago, or may not select it (a connection Secret written before it carried the label), and
 * deciding from the cache alone would report a missing ProviderConfig that is there. The event source
 * is bound when its controller registers it; until then every read is live.
 */
public final class CachedReader<R extends HasMetadata> {

    private final KubernetesClient client;
    private final Class<R> type;
    private volatile InformerEventSource<R, ?> informer;

    public CachedReader(KubernetesClient client, Class<R> type) {
        this.client = client;
        this.type = type;
    }

    /** Serves reads from this event source's cache from now on. */
    public void bind(InformerEventSource<R, ?> eventSource) {
        this.informer = eventSource;
    }

    /** The object, from the cache if it has it, else from the API server; empty when it does not exist. */
    public Optional<R> get(String namespace, String name) {
        InformerEventSource<R, ?> cache = informer;
        if (cache != null) {
            Optional<R> cached = cache.get(new ResourceID(name, namespace));
            if (cached.isPresent()) {
                return cached;
            }
        }
        R live = namespace == null
                ? client.resources(type).withName(name).get()
                : client.resources(type).inNamespace(namespace).withName(name).get();
        return Optional.ofNullable(live);
    }

    /**
     * Tells the cache about the provider's own write, so that the next read sees it even before the
     * watch delivers it, instead of acting on the version before and failing with a conflict.
     *
     * @param primary  the resource being reconciled, for whom the write was made
     * @param previous what the write replaced, or null for a create
     */
    public void wrote(HasMetadata primary, R written, R previous) {
        InformerEventSource<R, ?> cache = informer;
        if (cache == null) {
            return;
        }
        ResourceID id = ResourceID.fromResource(primary);
        if (previous == null) {
            cache.handleRecentResourceCreate(id, written);
        } else {
            cache.handleRecentResourceUpdate(id, written, previous);
        }
    }
}
