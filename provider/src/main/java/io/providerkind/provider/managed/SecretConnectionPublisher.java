package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.providerkind.provider.api.Managed;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.runtime.CachedReader;
import java.net.HttpURLConnection;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes connection details to the Secret named by {@code spec.writeConnectionSecretToRef}, as
 * crossplane-runtime's {@code APISecretPublisher}: type {@code connection.crossplane.io/v1alpha1},
 * controlled by the managed resource (so garbage collection deletes it with its owner), details merged
 * into what is there, and no write at all when nothing changed. A Secret already there is written only
 * when {@link ConnectionSecretControl} allows it; any other is left exactly as it is.
 *
 * <p>Every Secret it writes carries a label, so that the controller can cache just these Secrets
 * rather than all Secrets of the cluster: checking an unchanged Secret then costs no API request.
 */
public final class SecretConnectionPublisher implements ConnectionPublisher {

    public static final String SECRET_TYPE = "connection.crossplane.io/v1alpha1";

    private final KubernetesClient client;
    private final CachedReader<Secret> secrets;
    private final String label;

    /**
     * @param secrets reads the connection Secrets, from a cache of those labelled {@code label=true}
     * @param label   the label key this publisher puts on every Secret it writes
     */
    public SecretConnectionPublisher(KubernetesClient client, CachedReader<Secret> secrets, String label) {
        this.client = client;
        this.secrets = secrets;
        this.label = label;
    }

    @Override
    public boolean publish(Managed managed, ConnectionDetails details) {
        SecretReference ref = managed.connectionSecretReference();
        if (ref == null) {
            return false;
        }
        Secret existing = secrets.get(ref.namespace(), ref.name()).orElse(null);
        try {
            if (existing == null) {
                secrets.wrote(
                        managed,
                        client.resource(newSecret(managed, ref, encode(details)))
                                .create(),
                        null);
                return true;
            }
            return updateIfChanged(managed, ref, existing, details);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new StaleResourceException("connection secret " + describe(ref) + " changed meanwhile", e);
            }
            throw new IllegalStateException(
                    "cannot create or update connection secret " + describe(ref) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Nothing to do: a Secret this publisher wrote is controlled by the managed resource and garbage collected
     * with it, and one it was refused is not touched here either.
     */
    @Override
    public void unpublish(Managed managed, ConnectionDetails details) {}

    private boolean updateIfChanged(Managed managed, SecretReference ref, Secret existing, ConnectionDetails details) {
        ConnectionSecretControl control =
                ConnectionSecretControl.of(existing, managed.getMetadata().getUid());
        if (control instanceof ConnectionSecretControl.Refused refused) {
            throw new ConnectionSecretNotControllableException(
                    "cannot create or update connection secret " + describe(ref) + ": " + refused.reason());
        }
        boolean adopt = control instanceof ConnectionSecretControl.Adoptable;
        Map<String, String> current = existing.getData() == null ? Map.of() : existing.getData();
        Map<String, String> merged = new HashMap<>(current);
        merged.putAll(encode(details));
        boolean labelled = existing.getMetadata().getLabels() != null
                && "true".equals(existing.getMetadata().getLabels().get(label));
        if (!adopt && labelled && merged.equals(current)) {
            return false;
        }
        SecretBuilder desired = new SecretBuilder(existing)
                .withData(merged)
                .editMetadata()
                .addToLabels(label, "true")
                .endMetadata();
        if (adopt) {
            // other owners stay: only the controller reference is added
            desired.editMetadata().addToOwnerReferences(ownerReference(managed)).endMetadata();
        }
        secrets.wrote(managed, client.resource(desired.build()).update(), existing);
        return true;
    }

    private Secret newSecret(Managed managed, SecretReference ref, Map<String, String> data) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(ref.name())
                .withNamespace(ref.namespace())
                .addToLabels(label, "true")
                .withOwnerReferences(ownerReference(managed))
                .endMetadata()
                .withType(SECRET_TYPE)
                .withData(data)
                .build();
    }

    private static OwnerReference ownerReference(Managed managed) {
        return new OwnerReferenceBuilder()
                .withApiVersion(managed.getApiVersion())
                .withKind(managed.getKind())
                .withName(managed.getMetadata().getName())
                .withUid(managed.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    private static Map<String, String> encode(ConnectionDetails details) {
        Map<String, String> data = new HashMap<>();
        details.values()
                .forEach((key, value) -> data.put(key, Base64.getEncoder().encodeToString(value)));
        return data;
    }

    private static String describe(SecretReference ref) {
        return ref.namespace() + "/" + ref.name();
    }
}
