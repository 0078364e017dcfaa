package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.providerkind.provider.api.Managed;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ManagedResourceStore} on the Kubernetes API through fabric8. */
public final class KubernetesManagedResourceStore<M extends Managed> implements ManagedResourceStore<M> {

    /** As client-go's retry.DefaultRetry: a handful of attempts is plenty for a 409 race. */
    private static final int CRITICAL_ATTEMPTS = 5;

    private final MixedOperation<M, KubernetesResourceList<M>, Resource<M>> resources;

    public KubernetesManagedResourceStore(KubernetesClient client, Class<M> type) {
        this.resources = client.resources(type);
    }

    @Override
    public String update(M managed) {
        try {
            // update() sends the resourceVersion we read: the API server answers 409 if it is stale
            return resources.resource(managed).update().getMetadata().getResourceVersion();
        } catch (KubernetesClientException e) {
            throw translate(e, managed);
        }
    }

    @Override
    public String updateCriticalAnnotations(M managed) {
        Map<String, String> wanted = new HashMap<>(managed.getMetadata().getAnnotations());
        KubernetesClientException last = null;
        for (int attempt = 0; attempt < CRITICAL_ATTEMPTS; attempt++) {
            try {
                return resources.resource(managed).update().getMetadata().getResourceVersion();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw translate(e, managed);
                }
                last = e;
                M fresh = fetch(managed).orElseThrow(() -> translate(e, managed));
                Map<String, String> merged = new HashMap<>(fresh.getMetadata().getAnnotations());
                merged.putAll(wanted);
                managed.getMetadata().setAnnotations(merged);
                managed.getMetadata().setResourceVersion(fresh.getMetadata().getResourceVersion());
                managed.getMetadata().setFinalizers(fresh.getMetadata().getFinalizers());
            }
        }
        throw translate(last, managed);
    }

    @Override
    public void updateStatus(M managed) {
        try {
            // Locked like crossplane's status Update: a 409 means we reconciled a stale copy and must
            // read again rather than overwrite what someone else wrote.
            String version =
                    resources.resource(managed).updateStatus().getMetadata().getResourceVersion();
            managed.getMetadata().setResourceVersion(version);
        } catch (KubernetesClientException e) {
            throw translate(e, managed);
        }
    }

    @Override
    public Optional<M> fetch(M managed) {
        return Optional.ofNullable(
                resources.withName(managed.getMetadata().getName()).get());
    }

    private static RuntimeException translate(KubernetesClientException e, Managed managed) {
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
            return new StaleResourceException(
                    managed.getKind() + " " + managed.getMetadata().getName() + " changed since it was read", e);
        }
        return e;
    }
}
