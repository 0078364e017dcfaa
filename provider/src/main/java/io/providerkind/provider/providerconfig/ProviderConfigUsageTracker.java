package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.providerkind.provider.api.Managed;
import io.providerkind.provider.api.ProviderConfigUsage;
import io.providerkind.provider.api.Reference;
import io.providerkind.provider.api.TypedReference;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records that a managed resource uses its ProviderConfig (crossplane-runtime's
 * {@code ProviderConfigUsageTracker}): a ProviderConfigUsage named after the resource's UID, labelled
 * with the ProviderConfig's name and controlled by the resource. Remembers what it recorded, so a
 * resource whose ProviderConfig did not change costs no API call per poll.
 */
public final class ProviderConfigUsageTracker {

    private final KubernetesClient client;
    // managed resource UID -> ProviderConfig name known to be recorded
    private final Map<String, String> recorded = new ConcurrentHashMap<>();

    public ProviderConfigUsageTracker(KubernetesClient client) {
        this.client = client;
    }

    public void track(Managed managed) {
        String uid = managed.getMetadata().getUid();
        String providerConfig = managed.providerConfigReference().name();
        if (providerConfig.equals(recorded.get(uid))) {
            return;
        }
        ProviderConfigUsage existing =
                client.resources(ProviderConfigUsage.class).withName(uid).get();
        if (existing == null) {
            create(managed, uid, providerConfig);
        } else if (!Objects.equals(existing.getProviderConfigRef(), new Reference(providerConfig))) {
            existing.setProviderConfigRef(new Reference(providerConfig));
            existing.getMetadata().getLabels().put(ProviderConfigUsage.PROVIDER_CONFIG_LABEL, providerConfig);
            client.resource(existing).update();
        }
        recorded.put(uid, providerConfig);
    }

    /** Forgets a resource that is gone; its usage goes with it through garbage collection. */
    public void forget(Managed managed) {
        recorded.remove(managed.getMetadata().getUid());
    }

    private void create(Managed managed, String uid, String providerConfig) {
        ProviderConfigUsage usage = new ProviderConfigUsage();
        usage.setMetadata(new ObjectMetaBuilder()
                .withName(uid)
                .withLabels(new java.util.HashMap<>(Map.of(ProviderConfigUsage.PROVIDER_CONFIG_LABEL, providerConfig)))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(managed.getApiVersion())
                        .withKind(managed.getKind())
                        .withName(managed.getMetadata().getName())
                        .withUid(uid)
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .build());
        usage.setProviderConfigRef(new Reference(providerConfig));
        usage.setResourceRef(new TypedReference(
                managed.getApiVersion(),
                managed.getKind(),
                managed.getMetadata().getName(),
                uid));
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
