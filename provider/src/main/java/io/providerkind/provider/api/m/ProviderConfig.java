package io.providerkind.provider.api.m;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
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
 * Connection to one kindserver for the KindClusters of one namespace: a tenant's own. Its password is read only
 * from a Secret in its own namespace (see providerconfig.CredentialsExtractor), never from the provider's
 * environment or files, which would hand the provider's credentials to whatever URL a tenant writes here.
 */
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
public class ProviderConfig extends CustomResource<ProviderConfigSpec, ProviderConfigStatus> implements Namespaced {

    public static final String GROUP = "kind.m.crossplane.io";
}
