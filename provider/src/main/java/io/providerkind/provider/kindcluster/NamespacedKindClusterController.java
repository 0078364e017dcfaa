package io.providerkind.provider.kindcluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.providerkind.provider.api.ProviderConfigKey;
import io.providerkind.provider.api.m.ClusterProviderConfig;
import io.providerkind.provider.api.m.KindCluster;
import io.providerkind.provider.api.m.ProviderConfig;
import io.providerkind.provider.managed.Backoff;
import io.providerkind.provider.managed.ManagedController;
import io.providerkind.provider.managed.ManagedReconciler;
import io.providerkind.provider.managed.ManagedStateMetrics;
import io.providerkind.provider.managed.OwnWrites;
import io.providerkind.provider.managed.ReconcileAdmission;
import io.providerkind.provider.providerconfig.ProviderConfigUsageTracker;
import io.providerkind.provider.runtime.CachedReader;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The namespaced KindCluster's controller: the same generic managed reconciler as {@link KindClusterController}'s,
 * bound to {@code container.kind.m.crossplane.io} (java-operator-sdk needs one class per resource type). It informs
 * on ClusterProviderConfigs and namespaced ProviderConfigs, whose caches the connector reads, and on the connection
 * Secrets it wrote; a ProviderConfig whose spec changed reconciles the KindClusters that name it, by kind, namespace
 * and name, so that team-a's {@code default} never wakes team-b's clusters.
 */
@ControllerConfiguration(
        name = NamespacedKindClusterController.NAME,
        triggerReconcilerOnAllEvents = true,
        generationAwareEventProcessing = false)
public class NamespacedKindClusterController extends ManagedController<KindCluster> {

    /** crossplane-runtime's controller name for this kind: managed/&lt;kind&gt;.&lt;group&gt;. */
    public static final String NAME = "managed/kindcluster." + KindCluster.GROUP;

    private static final String BY_PROVIDER_CONFIG = "providerConfigKey";

    private final ProviderConfigUsageTracker usages;
    private final CachedReader<ClusterProviderConfig> clusterConfigs;
    private final CachedReader<ProviderConfig> namespacedConfigs;
    private final CachedReader<Secret> connectionSecrets;
    private final FailedCreateRetries retries;
    private final ManagedStateMetrics<KindCluster> stateMetrics;
    private final KindServerChanges<KindCluster> changes;

    public NamespacedKindClusterController(
            ManagedReconciler<KindCluster> reconciler,
            ProviderConfigUsageTracker usages,
            CachedReader<ClusterProviderConfig> clusterConfigs,
            CachedReader<ProviderConfig> namespacedConfigs,
            CachedReader<Secret> connectionSecrets,
            FailedCreateRetries retries,
            ManagedStateMetrics<KindCluster> stateMetrics,
            Backoff backoff,
            ReconcileAdmission admission,
            OwnWrites ownWrites,
            MeterRegistry registry,
            KindServerChanges<KindCluster> changes) {
        super(NAME, reconciler, backoff, admission, ownWrites, registry);
        this.changes = changes;
        this.stateMetrics = stateMetrics;
        this.usages = usages;
        this.clusterConfigs = clusterConfigs;
        this.namespacedConfigs = namespacedConfigs;
        this.connectionSecrets = connectionSecrets;
        this.retries = retries;
    }

    @Override
    public List<EventSource<?, KindCluster>> prepareEventSources(EventSourceContext<KindCluster> context) {
        context.getPrimaryCache()
                .addIndexer(BY_PROVIDER_CONFIG, cluster -> List.of(indexKey(cluster.providerConfigKey())));
        InformerEventSource<ClusterProviderConfig, KindCluster> cluster = new InformerEventSource<>(
                configEvents(
                        context,
                        InformerEventSourceConfiguration.from(ClusterProviderConfig.class, KindCluster.class)
                                .withName("clusterproviderconfigs"),
                        c -> new ProviderConfigKey.Cluster(c.getMetadata().getName())),
                context);
        InformerEventSource<ProviderConfig, KindCluster> namespaced = new InformerEventSource<>(
                configEvents(
                        context,
                        InformerEventSourceConfiguration.from(ProviderConfig.class, KindCluster.class)
                                .withName("providerconfigs"),
                        c -> new ProviderConfigKey.Namespaced(
                                c.getMetadata().getNamespace(), c.getMetadata().getName())),
                context);
        InformerEventSource<Secret, KindCluster> secrets = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Secret.class, KindCluster.class)
                        .withName("connection-secrets")
                        .withLabelSelector(KindClusterController.CONNECTION_SECRET_LABEL + "=true")
                        // a cache only: the publisher compares on every poll, so no change needs a reconcile
                        .withSecondaryToPrimaryMapper(secret -> Set.of())
                        .build(),
                context);
        // the state gauges count the KindClusters this controller's informer holds: no API request per count
        stateMetrics.bind(context.getPrimaryCache()::list);
        clusterConfigs.bind(cluster);
        namespacedConfigs.bind(namespaced);
        connectionSecrets.bind(secrets);
        return List.of(changes, cluster, namespaced, secrets);
    }

    @Override
    protected void forget(KindCluster cluster) {
        usages.forget(cluster);
        retries.forget(cluster.getMetadata().getUid());
        changes.stopWatching(ResourceID.fromResource(cluster));
    }

    private static <P extends HasMetadata> InformerEventSourceConfiguration<P> configEvents(
            EventSourceContext<KindCluster> context,
            InformerEventSourceConfiguration.Builder<P> builder,
            java.util.function.Function<P, ProviderConfigKey> keyOf) {
        return builder.withSecondaryToPrimaryMapper(config ->
                        context.getPrimaryCache().byIndex(BY_PROVIDER_CONFIG, indexKey(keyOf.apply(config))).stream()
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                // status (users) and finalizer changes are the provider's own and change no connection
                .withOnUpdateFilter((now, before) -> !Objects.equals(
                        now.getMetadata().getGeneration(), before.getMetadata().getGeneration()))
                .build();
    }

    private static String indexKey(ProviderConfigKey key) {
        return key.kind() + "/" + Objects.toString(key.namespace(), "") + "/" + key.name();
    }
}
