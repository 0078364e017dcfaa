package io.providerkind.provider.api.m;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
import io.providerkind.provider.api.AtProvider;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.KindClusterResource;
import io.providerkind.provider.api.KindClusterStatus;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.ProviderConfigKey;
import io.providerkind.provider.api.ReconcileRequestTracker;
import io.providerkind.provider.api.SecretReference;
import java.util.List;

/**
 * A kind cluster, made and watched through kindserver, as a namespaced Crossplane v2 managed resource: what a
 * namespaced composite resource composes. Its ProviderConfig is a ClusterProviderConfig or one of its own namespace,
 * and its connection Secret is written into its own namespace.
 *
 * <p>No short name: the legacy KindCluster has {@code kc}, and two resources sharing a short name would make
 * {@code kubectl get kc} pick one of them without saying so.
 */
@Group(KindCluster.GROUP)
@Version("v1alpha1")
@Kind("KindCluster")
@Plural("kindclusters")
@Singular("kindcluster")
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
// as the legacy KindCluster: HasMetadata's polymorphic deserializer would otherwise recurse forever
@JsonDeserialize(using = JsonDeserializer.None.class)
public class KindCluster extends CustomResource<KindClusterSpec, KindClusterStatus>
        implements KindClusterResource, ReconcileRequestTracker, Namespaced {

    public static final String GROUP = "container.kind.m.crossplane.io";
    private static final ProviderConfigReference DEFAULT_PROVIDER_CONFIG =
            new ProviderConfigReference(ProviderConfigKind.ClusterProviderConfig, "default");

    @Override
    protected KindClusterStatus initStatus() {
        return KindClusterStatus.empty();
    }

    /** The CRD's default, also for a resource read before the API server applied it. */
    @Override
    public ProviderConfigKey providerConfigKey() {
        ProviderConfigReference ref = spec == null ? null : spec.providerConfigRef();
        if (ref == null || ref.name() == null || ref.kind() == null) {
            ref = DEFAULT_PROVIDER_CONFIG;
        }
        return ref.kind() == ProviderConfigKind.ProviderConfig
                ? new ProviderConfigKey.Namespaced(getMetadata().getNamespace(), ref.name())
                : new ProviderConfigKey.Cluster(ref.name());
    }

    /** Always in this resource's namespace: the spec has no field to name another. */
    @Override
    public SecretReference connectionSecretReference() {
        LocalSecretReference ref = spec == null ? null : spec.writeConnectionSecretToRef();
        return ref == null
                ? null
                : new SecretReference(ref.name(), getMetadata().getNamespace());
    }

    /** Crossplane v2 has no deletionPolicy: management policies without Delete orphan the kind cluster. */
    @Override
    public DeletionPolicy deletionPolicy() {
        return DeletionPolicy.Delete;
    }

    @Override
    public List<ManagementAction> managementPolicies() {
        return spec == null || spec.managementPolicies() == null
                ? List.of(ManagementAction.All)
                : spec.managementPolicies();
    }

    @Override
    public ForProvider forProvider() {
        return spec == null ? null : spec.forProvider();
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
