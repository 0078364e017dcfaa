package io.providerkind.provider.kindcluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The owner this provider names when it asks kindserver for a cluster: {@code <management cluster>/<KindCluster>},
 * both UIDs. kind cluster names are global per Docker host, and a KindCluster's name is not: two namespaces, or two
 * management clusters, may name the same kind cluster. The UID of the management cluster's kube-system namespace is
 * the cluster's identity (it lives as long as the cluster, and a restored or re-created KindCluster gets a new UID, so
 * it is never taken for the one that made the cluster).
 *
 * @param managementCluster the UID of the management cluster's kube-system namespace
 */
public record ClusterOwners(String managementCluster) {

    static final String IDENTITY_NAMESPACE = "kube-system";

    /**
     * Reads the management cluster's identity once, at start: without it no owner can be named, and a guessed one
     * would disown every cluster made before, so a provider that cannot read it does not start.
     */
    public static ClusterOwners read(KubernetesClient client) {
        Namespace namespace;
        try {
            namespace = client.namespaces().withName(IDENTITY_NAMESPACE).get();
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(
                    "cannot read namespace " + IDENTITY_NAMESPACE + ", whose UID names this management cluster as the"
                            + " owner of the kind clusters it creates (HTTP " + e.getCode() + "); grant the provider's"
                            + " service account get on namespaces/" + IDENTITY_NAMESPACE
                            + " (see examples/install/provider-kind.yaml)",
                    e);
        }
        if (namespace == null || namespace.getMetadata().getUid() == null) {
            throw new IllegalStateException("namespace " + IDENTITY_NAMESPACE + " does not exist: cannot name this "
                    + "management cluster as the owner of the kind clusters it creates");
        }
        return new ClusterOwners(namespace.getMetadata().getUid());
    }

    /** The owner of the kind cluster {@code managed} creates. */
    public String of(HasMetadata managed) {
        return managementCluster + "/" + managed.getMetadata().getUid();
    }
}
