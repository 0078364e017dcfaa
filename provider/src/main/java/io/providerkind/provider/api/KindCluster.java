package io.providerkind.provider.api;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;

/**
 * A kind cluster, made and watched through kindserver. Cluster scoped, like every Crossplane managed
 * resource of v1 style, so that compositions and {@code kubectl get managed} treat it as their own.
 *
 * <p>The default columns are the ones the seed shows: READY, SYNCED, EXTERNAL-NAME, INTERNALIP,
 * VERSION, AGE; {@code -o wide} adds kindserver's phase, kind's step and the endpoint.
 */
@Group(KindCluster.GROUP)
@Version("v1alpha1")
@Kind("KindCluster")
@Plural("kindclusters")
@Singular("kindcluster")
@ShortNames("kc")
@Categories({"crossplane", "managed", "kind"})
@AdditionalPrinterColumn(name = "READY", type = Type.STRING, jsonPath = ".status.conditions[?(@.type=='Ready')].status")
@AdditionalPrinterColumn(
        name = "SYNCED",
        type = Type.STRING,
        jsonPath = ".status.conditions[?(@.type=='Synced')].status")
@AdditionalPrinterColumn(
        name = "EXTERNAL-NAME",
        type = Type.STRING,
        jsonPath = ".metadata.annotations.crossplane\\.io/external-name")
@AdditionalPrinterColumn(name = "INTERNALIP", type = Type.STRING, jsonPath = ".status.atProvider.internalIP")
@AdditionalPrinterColumn(name = "VERSION", type = Type.STRING, jsonPath = ".status.atProvider.kubernetesVersion")
@AdditionalPrinterColumn(name = "AGE", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(name = "PHASE", type = Type.STRING, priority = 1, jsonPath = ".status.atProvider.phase")
@AdditionalPrinterColumn(name = "PROGRESS", type = Type.STRING, priority = 1, jsonPath = ".status.atProvider.progress")
@AdditionalPrinterColumn(name = "ENDPOINT", type = Type.STRING, priority = 1, jsonPath = ".status.atProvider.endpoint")
// Managed extends HasMetadata, whose polymorphic deserializer would otherwise win over CustomResource's
// plain one and recurse forever.
@JsonDeserialize(using = JsonDeserializer.None.class)
public class KindCluster extends CustomResource<KindClusterSpec, KindClusterStatus>
        implements KindClusterResource, ReconcileRequestTracker {

    public static final String GROUP = "container.kind.crossplane.io";
    private static final String DEFAULT_PROVIDER_CONFIG = "default";

    @Override
    protected KindClusterStatus initStatus() {
        return KindClusterStatus.empty();
    }

    @Override
    public ProviderConfigKey providerConfigKey() {
        Reference ref = spec == null ? null : spec.providerConfigRef();
        return new ProviderConfigKey.Legacy(ref == null || ref.name() == null ? DEFAULT_PROVIDER_CONFIG : ref.name());
    }

    @Override
    public ForProvider forProvider() {
        return spec == null ? null : spec.forProvider();
    }

    @Override
    public SecretReference connectionSecretReference() {
        return spec == null ? null : spec.writeConnectionSecretToRef();
    }

    @Override
    public DeletionPolicy deletionPolicy() {
        return spec == null || spec.deletionPolicy() == null ? DeletionPolicy.Delete : spec.deletionPolicy();
    }

    @Override
    public List<ManagementAction> managementPolicies() {
        return spec == null || spec.managementPolicies() == null
                ? List.of(ManagementAction.All)
                : spec.managementPolicies();
    }

    @Override
    public List<Condition> conditions() {
        return currentStatus().conditions();
    }

    @Override
    public void replaceConditions(List<Condition> conditions) {
        setStatus(currentStatus().withConditions(conditions));
    }

    @Override
    public Object statusSnapshot() {
        return currentStatus();
    }

    @Override
    public String lastHandledReconcileAt() {
        return currentStatus().lastHandledReconcileAt();
    }

    @Override
    public void replaceLastHandledReconcileAt(String token) {
        setStatus(currentStatus().withLastHandledReconcileAt(token));
    }

    @Override
    public AtProvider atProvider() {
        AtProvider atProvider = currentStatus().atProvider();
        return atProvider == null ? AtProvider.empty() : atProvider;
    }

    @Override
    public void replaceAtProvider(AtProvider atProvider) {
        setStatus(currentStatus().withAtProvider(atProvider));
    }

    private KindClusterStatus currentStatus() {
        return status == null ? KindClusterStatus.empty() : status;
    }
}
