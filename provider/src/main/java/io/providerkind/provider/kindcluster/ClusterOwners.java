package io.providerkind.provider.kindcluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.providerkind.sdk.CreateClusterRequest;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.UUID;

/**
 * The owner this provider names when it asks kindserver for a cluster: {@code <management cluster>/<KindCluster UID>}.
 * kind cluster names are global per Docker host, and a KindCluster's name is not: two namespaces, or two management
 * clusters, may name the same kind cluster. A re-created or restored KindCluster gets a new UID, so it is never taken
 * for the one that made the cluster.
 *
 * <p>The management cluster is named by a random identity kept in the ConfigMap {@value #IDENTITY_CONFIG_MAP} of the
 * provider's namespace, made at the first start and immutable: Crossplane grants every provider ConfigMaps (and not
 * namespaces), so no extra RBAC is needed, and an identity lost with its ConfigMap can be put back by hand (it is the
 * part before the slash of the owner kindserver shows).
 *
 * @param managementCluster the management cluster's identity
 */
public record ClusterOwners(String managementCluster) {

    public static final String IDENTITY_CONFIG_MAP = "provider-kind-identity";
    public static final String IDENTITY_KEY = "managementCluster";
    private static final String SAMPLE_UID = "00000000-0000-0000-0000-000000000000";

    public ClusterOwners {
        if (managementCluster == null || !CreateClusterRequest.isValidOwner(managementCluster + "/" + SAMPLE_UID)) {
            throw new IllegalArgumentException("the management cluster's identity must be 1 to "
                    + (CreateClusterRequest.MAX_OWNER_LENGTH - SAMPLE_UID.length() - 1)
                    + " printable ASCII characters");
        }
    }

    /**
     * Reads the management cluster's identity once, at start, making it if this is the first start: without it no
     * owner can be named, and a guessed one would disown every cluster made before, so a provider that cannot read it
     * does not start.
     */
    public static ClusterOwners read(KubernetesClient client, String namespace) {
        Resource<ConfigMap> identity =
                client.configMaps().inNamespace(namespace).withName(IDENTITY_CONFIG_MAP);
        String where = "ConfigMap " + namespace + "/" + IDENTITY_CONFIG_MAP;
        try {
            ConfigMap stored = identity.get();
            if (stored == null) {
                stored = createOrReadTheWinner(identity);
            }
            return fromData(stored == null ? null : stored.getData(), where);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw new IdentityUnavailableException(
                        "cannot create " + where + ": namespace " + namespace + " does not exist; the provider keeps"
                                + " the identity that names this management cluster in its own namespace: set"
                                + " POD_NAMESPACE to it (Crossplane does), or create " + namespace,
                        e);
            }
            throw new IdentityUnavailableException(
                    "cannot read or create " + where + ", which names this management cluster"
                            + " in the owner of every kind cluster the provider creates (HTTP " + e.getCode() + ")",
                    e);
        }
    }

    /** Two replicas starting at once both try: the one whose create loses reads the winner's. */
    private static ConfigMap createOrReadTheWinner(Resource<ConfigMap> identity) {
        try {
            return identity.create(new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName(IDENTITY_CONFIG_MAP)
                    .endMetadata()
                    .withImmutable(true)
                    .addToData(IDENTITY_KEY, UUID.randomUUID().toString())
                    .build());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            return identity.get();
        }
    }

    private static ClusterOwners fromData(Map<String, String> data, String where) {
        String value = data == null ? null : data.get(IDENTITY_KEY);
        if (value == null || value.isBlank()) {
            throw new IdentityUnavailableException(
                    where + " has no " + IDENTITY_KEY + ": put back the identity it had (the"
                            + " part before the slash of the owner kindserver shows for this provider's clusters), or delete"
                            + " the ConfigMap to start afresh (every cluster made before is then another owner's)");
        }
        try {
            return new ClusterOwners(value);
        } catch (IllegalArgumentException e) {
            throw new IdentityUnavailableException(where + ": " + IDENTITY_KEY + " is refused: " + e.getMessage(), e);
        }
    }

    /** The owner of the kind cluster {@code managed} creates. */
    public String of(HasMetadata managed) {
        return managementCluster + "/" + managed.getMetadata().getUid();
    }
}
