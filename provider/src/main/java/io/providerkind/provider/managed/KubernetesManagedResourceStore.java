package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.providerkind.provider.api.Managed;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ManagedResourceStore} on the Kubernetes API through fabric8. */
public final class KubernetesManagedResourceStore<M extends Managed> implements ManagedResourceStore<M> {

    /** As client-go's retry.DefaultRetry, which crossplane's critical-annotation updater retries with. */
    private static final int CRITICAL_ATTEMPTS = 5;

    private final MixedOperation<M, KubernetesResourceList<M>, Resource<M>> resources;
    private final KubernetesSerialization serialization;
    private final OwnWrites ownWrites;

    /** @param ownWrites told of every metadata write, so that its watch event reconciles nothing */
    public KubernetesManagedResourceStore(KubernetesClient client, Class<M> type, OwnWrites ownWrites) {
        this.resources = client.resources(type);
        this.serialization = client.getKubernetesSerialization();
        this.ownWrites = ownWrites;
    }

    @Override
    public String update(M managed) {
        return asOwnWrite(managed, () -> {
            try {
                // update() sends the resourceVersion we read: the API server answers 409 if it is stale
                return resources.resource(managed).update().getMetadata().getResourceVersion();
            } catch (KubernetesClientException e) {
                throw translate(e, managed);
            }
        });
    }

    /**
     * A JSON merge patch of the critical annotations alone, without resourceVersion: it cannot conflict,
     * and it cannot undo what anyone else changed since the resource was read (a spec edit, another
     * annotation), which writing the whole stale copy back would.
     */
    @Override
    public String updateCriticalAnnotations(M managed) {
        String patch = serialization.asJson(Map.of("metadata", Map.of("annotations", Annotations.critical(managed))));
        return asOwnWrite(managed, () -> patchWithRetries(managed, patch));
    }

    /** Makes {@code write} (answering the resourceVersion it made) known to {@link OwnWrites} from before it is sent. */
    private String asOwnWrite(M managed, Supplier<String> write) {
        String uid = managed.getMetadata().getUid();
        String before = managed.getMetadata().getResourceVersion();
        ownWrites.writing(uid, before);
        try {
            String after = write.get();
            ownWrites.wrote(uid, before, after);
            return after;
        } catch (RuntimeException e) {
            ownWrites.failed(uid, before);
            throw e;
        }
    }

    private String patchWithRetries(M managed, String patch) {
        KubernetesClientException last = null;
        for (int attempt = 0; attempt < CRITICAL_ATTEMPTS; attempt++) {
            try {
                return stored(managed)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), patch)
                        .getMetadata()
                        .getResourceVersion();
            } catch (KubernetesClientException e) {
                // retried whatever the error, as crossplane does: losing these makes a create unaccounted for
                last = e;
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
        return Optional.ofNullable(stored(managed).get());
    }

    /** By namespace too: two namespaced resources may share a name. */
    private Resource<M> stored(M managed) {
        String namespace = managed.getMetadata().getNamespace();
        return namespace == null
                ? resources.withName(managed.getMetadata().getName())
                : resources
                        .inNamespace(namespace)
                        .withName(managed.getMetadata().getName());
    }

    private static RuntimeException translate(KubernetesClientException e, Managed managed) {
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
            return new StaleResourceException(
                    managed.getKind() + " " + managed.getMetadata().getName() + " changed since it was read", e);
        }
        return e;
    }
}
