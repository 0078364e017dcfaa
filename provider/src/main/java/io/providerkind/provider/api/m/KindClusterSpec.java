package io.providerkind.provider.api.m;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.ManagementAction;
import java.util.List;

/**
 * Desired state of a namespaced KindCluster, with crossplane-runtime v2's managed-resource fields. There is no
 * deletionPolicy, as in every {@code .m.} resource: management policies without Delete keep the kind cluster.
 *
 * @param forProvider                the kind cluster to have
 * @param providerConfigRef          the ClusterProviderConfig, or ProviderConfig of this namespace, to use
 * @param writeConnectionSecretToRef the Secret in this namespace to write endpoint, kubeconfig and credentials to
 * @param managementPolicies         the actions the provider may take; ["*"] by default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KindClusterSpec(
        @Required @JsonPropertyDescription("The kind cluster to have.")
        ForProvider forProvider,

        @Default("{\"kind\": \"ClusterProviderConfig\", \"name\": \"default\"}")
        @JsonPropertyDescription("The ClusterProviderConfig, or ProviderConfig of this namespace, that names the"
                + " kindserver to use.")
        ProviderConfigReference providerConfigRef,

        @JsonPropertyDescription("The Secret in this namespace to write the connection details to: endpoint,"
                + " kubeconfig, clusterCA, clientCert, clientKey.")
        LocalSecretReference writeConnectionSecretToRef,

        @Default("[\"*\"]")
        @JsonPropertyDescription("The actions the provider may take on the kind cluster, as Crossplane's"
                + " managementPolicies: [\"*\"] (default), [\"Observe\"] to import read-only, [] to pause;"
                + " without Delete the kind cluster is kept when this resource is deleted.")
        List<ManagementAction> managementPolicies) {}
