package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * Desired state of a KindCluster, with crossplane's common managed-resource fields.
 *
 * @param forProvider                the kind cluster to have
 * @param providerConfigRef          the ProviderConfig naming the kindserver to use
 * @param writeConnectionSecretToRef where to write endpoint, kubeconfig and client credentials
 * @param deletionPolicy             Delete (default) deletes the kind cluster with this resource, Orphan keeps it
 * @param managementPolicies         the actions the provider may take; ["*"] by default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KindClusterSpec(
        @Required @JsonPropertyDescription("The kind cluster to have.")
        ForProvider forProvider,

        @Default("{\"name\": \"default\"}")
        @JsonPropertyDescription("The ProviderConfig that names the kindserver to use.")
        Reference providerConfigRef,

        @JsonPropertyDescription(
                "Where to write the connection Secret: endpoint, kubeconfig, clusterCA, clientCert, clientKey.")
        SecretReference writeConnectionSecretToRef,

        @Default("Delete")
        @JsonPropertyDescription("Delete deletes the kind cluster with this resource; Orphan keeps it.")
        DeletionPolicy deletionPolicy,

        @Default("[\"*\"]")
        @JsonPropertyDescription("The actions the provider may take on the kind cluster, as Crossplane's"
                + " managementPolicies: [\"*\"] (default), [\"Observe\"] to import read-only, [] to pause.")
        List<ManagementAction> managementPolicies) {}
