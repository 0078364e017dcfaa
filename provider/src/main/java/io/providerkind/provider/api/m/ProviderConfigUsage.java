package io.providerkind.provider.api.m;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.providerkind.provider.api.TypedReference;

/**
 * Records that one namespaced managed resource uses one ClusterProviderConfig or ProviderConfig, so that it cannot
 * be deleted while in use. Lives in the managed resource's namespace, named after its UID and owned by it, so
 * garbage collection removes it with its user; labelled with the ProviderConfig's name and kind, as crossplane's,
 * because a ClusterProviderConfig and a ProviderConfig may share a name.
 */
@Group(ProviderConfig.GROUP)
@Version("v1alpha1")
@Kind("ProviderConfigUsage")
@Plural("providerconfigusages")
@Singular("providerconfigusage")
@Categories({"crossplane", "provider", "kind"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "providerConfigRef", "resourceRef"})
@AdditionalPrinterColumn(name = "AGE", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(name = "CONFIG-NAME", type = Type.STRING, jsonPath = ".providerConfigRef.name")
@AdditionalPrinterColumn(name = "RESOURCE-KIND", type = Type.STRING, jsonPath = ".resourceRef.kind")
@AdditionalPrinterColumn(name = "RESOURCE-NAME", type = Type.STRING, jsonPath = ".resourceRef.name")
public class ProviderConfigUsage extends CustomResource<Void, Void> implements Namespaced {

    /** The label crossplane puts on a usage with the ProviderConfig's name. */
    public static final String PROVIDER_CONFIG_LABEL = "crossplane.io/provider-config";
    /** The label crossplane v2 puts on a usage with the ProviderConfig's kind. */
    public static final String PROVIDER_CONFIG_KIND_LABEL = "crossplane.io/provider-config-kind";

    @Required
    private ProviderConfigReference providerConfigRef;

    @Required
    private TypedReference resourceRef;

    public ProviderConfigReference getProviderConfigRef() {
        return providerConfigRef;
    }

    public void setProviderConfigRef(ProviderConfigReference providerConfigRef) {
        this.providerConfigRef = providerConfigRef;
    }

    public TypedReference getResourceRef() {
        return resourceRef;
    }

    public void setResourceRef(TypedReference resourceRef) {
        this.resourceRef = resourceRef;
    }

    @Override
    @JsonIgnore
    public Void getSpec() {
        return null;
    }

    @Override
    @JsonIgnore
    public Void getStatus() {
        return null;
    }
}
