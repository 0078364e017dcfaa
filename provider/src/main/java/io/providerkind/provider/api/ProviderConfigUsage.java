package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Records that one managed resource uses one ProviderConfig, so that the ProviderConfig cannot be
 * deleted while in use. Named after the managed resource's UID and owned by it, as crossplane's, so
 * garbage collection removes it with its user. Like crossplane's it has no spec: the references are
 * top-level fields.
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
public class ProviderConfigUsage extends CustomResource<Void, Void> {

    /** The label crossplane puts on a usage so that a ProviderConfig can list its users. */
    public static final String PROVIDER_CONFIG_LABEL = "crossplane.io/provider-config";

    @Required
    private Reference providerConfigRef;

    @Required
    private TypedReference resourceRef;

    public Reference getProviderConfigRef() {
        return providerConfigRef;
    }

    public void setProviderConfigRef(Reference providerConfigRef) {
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
