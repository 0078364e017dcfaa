package io.providerkind.provider.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** Connection to one kindserver, shared by the KindClusters that name it. Cluster scoped, as crossplane's. */
@Group(ProviderConfig.GROUP)
@Version("v1alpha1")
@Kind("ProviderConfig")
@Plural("providerconfigs")
@Singular("providerconfig")
@Categories({"crossplane", "provider", "kind"})
@AdditionalPrinterColumn(name = "AGE", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(name = "ENDPOINT", type = Type.STRING, jsonPath = ".spec.endpoint.url")
@AdditionalPrinterColumn(name = "USERS", type = Type.INTEGER, jsonPath = ".status.users")
@AdditionalPrinterColumn(
        name = "SECRET-NAME",
        type = Type.STRING,
        priority = 1,
        jsonPath = ".spec.credentials.secretRef.name")
public class ProviderConfig extends CustomResource<ProviderConfigSpec, ProviderConfigStatus> {

    public static final String GROUP = "kind.crossplane.io";
}
