package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.providerkind.provider.api.Managed;
import io.providerkind.provider.api.ProviderConfigKey;
import io.providerkind.provider.api.ProviderConfigUsage;
import io.providerkind.provider.api.Reference;
import io.providerkind.provider.api.TypedReference;
import io.providerkind.provider.api.m.ProviderConfigKind;
import io.providerkind.provider.api.m.ProviderConfigReference;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records that a managed resource uses its ProviderConfig (crossplane-runtime's
 * {@code ProviderConfigUsageTracker}): a ProviderConfigUsage named after the resource's UID, labelled
 * with the ProviderConfig's name and controlled by the resource. Remembers what it recorded, so a
 * resource whose ProviderConfig did not change costs no API call per poll. A legacy KindCluster's usage is the
 * cluster-scoped {@code kind.crossplane.io} one; a namespaced KindCluster's is a {@code kind.m.crossplane.io} one in
 * its own namespace, labelled with the ProviderConfig's kind too.
 */
public final class ProviderConfigUsageTracker {

    private final KubernetesClient client;
    // managed resource UID -> ProviderConfig known to be recorded
    private final Map<String, ProviderConfigKey> recorded = new ConcurrentHashMap<>();

    public ProviderConfigUsageTracker(KubernetesClient client) {
        this.client = client;
    }

    public void track(Managed managed) {
        String uid = managed.getMetadata().getUid();
        ProviderConfigKey key = managed.providerConfigKey();
        if (key.equals(recorded.get(uid))) {
            return;
        }
        if (key instanceof ProviderConfigKey.Legacy) {
            trackLegacy(managed, uid, key.name());
        } else {
            trackNamespaced(managed, uid, key);
        }
        recorded.put(uid, key);
    }

    /** Forgets a resource that is gone; its usage goes with it through garbage collection. */
    public void forget(Managed managed) {
        recorded.remove(managed.getMetadata().getUid());
    }

    private void trackLegacy(Managed managed, String uid, String providerConfig) {
        ProviderConfigUsage existing =
                client.resources(ProviderConfigUsage.class).withName(uid).get();
        if (existing == null) {
            ProviderConfigUsage usage = new ProviderConfigUsage();
            usage.setMetadata(
                    metadata(managed, uid, Map.of(ProviderConfigUsage.PROVIDER_CONFIG_LABEL, providerConfig)));
            usage.setProviderConfigRef(new Reference(providerConfig));
            usage.setResourceRef(resourceRef(managed, uid));
            create(usage);
        } else if (!Objects.equals(existing.getProviderConfigRef(), new Reference(providerConfig))) {
            existing.setProviderConfigRef(new Reference(providerConfig));
            existing.getMetadata().getLabels().put(ProviderConfigUsage.PROVIDER_CONFIG_LABEL, providerConfig);
            client.resource(existing).update();
        }
    }

    private void trackNamespaced(Managed managed, String uid, ProviderConfigKey key) {
        String namespace = managed.getMetadata().getNamespace();
        ProviderConfigReference ref = new ProviderConfigReference(ProviderConfigKind.valueOf(key.kind()), key.name());
        Map<String, String> labels = Map.of(
                io.providerkind.provider.api.m.ProviderConfigUsage.PROVIDER_CONFIG_LABEL,
                key.name(),
                io.providerkind.provider.api.m.ProviderConfigUsage.PROVIDER_CONFIG_KIND_LABEL,
                key.kind());
        io.providerkind.provider.api.m.ProviderConfigUsage existing = client.resources(
                        io.providerkind.provider.api.m.ProviderConfigUsage.class)
                .inNamespace(namespace)
                .withName(uid)
                .get();
        if (existing == null) {
            var usage = new io.providerkind.provider.api.m.ProviderConfigUsage();
            usage.setMetadata(metadata(managed, uid, labels));
            usage.getMetadata().setNamespace(namespace);
            usage.setProviderConfigRef(ref);
            usage.setResourceRef(resourceRef(managed, uid));
            create(usage);
        } else if (!Objects.equals(existing.getProviderConfigRef(), ref)) {
            existing.setProviderConfigRef(ref);
            existing.getMetadata().getLabels().putAll(labels);
            client.resource(existing).update();
        }
    }

    private static ObjectMeta metadata(Managed managed, String uid, Map<String, String> labels) {
        return new ObjectMetaBuilder()
                .withName(uid)
                .withLabels(new HashMap<>(labels))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(managed.getApiVersion())
                        .withKind(managed.getKind())
                        .withName(managed.getMetadata().getName())
                        .withUid(uid)
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .build();
    }

    private static TypedReference resourceRef(Managed managed, String uid) {
        return new TypedReference(
                managed.getApiVersion(),
                managed.getKind(),
                managed.getMetadata().getName(),
                uid);
    }

    private void create(HasMetadata usage) {
        try {
            client.resource(usage).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw new IllegalStateException("cannot apply ProviderConfigUsage: " + e.getMessage(), e);
            }
            // created concurrently by an earlier reconcile whose answer we did not see: it is there
        }
    }
}
