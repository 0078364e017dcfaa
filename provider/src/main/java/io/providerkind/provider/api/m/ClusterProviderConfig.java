package io.providerkind.provider.api.m;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.providerkind.provider.api.ProviderConfigSpec;
import io.providerkind.provider.api.ProviderConfigStatus;

/**
 * Connection to one kindserver that every namespace's KindClusters may use: what a platform team sets up once.
 * Cluster scoped; its credentials Secret may be in any namespace, as the legacy ProviderConfig's.
 */
@Group(ProviderConfig.GROUP)
@Version("v1alpha1")
@Kind("ClusterProviderConfig")
@Plural("clusterproviderconfigs")
@Singular("clusterproviderconfig")
@Categories({"crossplane", "provider", "kind"})
@AdditionalPrinterColumn(name = "AGE", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(name = "ENDPOINT", type = Type.STRING, jsonPath = ".spec.endpoint.url")
@AdditionalPrinterColumn(name = "USERS", type = Type.INTEGER, jsonPath = ".status.users")
@AdditionalPrinterColumn(
        name = "SECRET-NAME",
        type = Type.STRING,
        priority = 1,
        jsonPath = ".spec.credentials.secretRef.name")
public class ClusterProviderConfig extends CustomResource<ProviderConfigSpec, ProviderConfigStatus> {}
