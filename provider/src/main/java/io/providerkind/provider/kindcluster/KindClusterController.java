package io.providerkind.provider.kindcluster;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ProviderConfig;
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
 * The KindCluster controller: the generic managed controller bound to KindCluster (java-operator-sdk
 * finds the resource type from this class's type argument). All-events mode, because the managed
 * reconciler owns crossplane's finalizer; not generation aware, because annotations (pause, external
 * name) matter too; the update filter is set at registration.
 *
 * <p>Besides KindClusters it informs on ProviderConfigs and on the connection Secrets the provider
 * wrote, whose caches the connector and the publisher read, so that a poll of an unchanged cluster
 * costs no API request. A ProviderConfig whose spec changed reconciles the KindClusters that use it.
 */
@ControllerConfiguration(
        name = KindClusterController.NAME,
        triggerReconcilerOnAllEvents = true,
        generationAwareEventProcessing = false)
public class KindClusterController extends ManagedController<KindCluster> {

    /** crossplane-runtime's controller name for this kind: managed/&lt;kind&gt;.&lt;group&gt;. */
    public static final String NAME = "managed/kindcluster." + KindCluster.GROUP;
    /** Put on every connection Secret the provider writes, so that only those are cached. */
    public static final String CONNECTION_SECRET_LABEL = ProviderConfig.GROUP + "/connection-secret";

    private static final String BY_PROVIDER_CONFIG = "providerConfigRef.name";

    private final ProviderConfigUsageTracker usages;
    private final CachedReader<ProviderConfig> providerConfigs;
    private final CachedReader<Secret> connectionSecrets;
    private final FailedCreateRetries retries;
    private final ManagedStateMetrics<KindCluster> stateMetrics;
    private final KindServerChanges<KindCluster> changes;

    public KindClusterController(
            ManagedReconciler<KindCluster> reconciler,
            ProviderConfigUsageTracker usages,
            CachedReader<ProviderConfig> providerConfigs,
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
        this.usages = usages;
        this.providerConfigs = providerConfigs;
        this.connectionSecrets = connectionSecrets;
        this.retries = retries;
        this.stateMetrics = stateMetrics;
    }

    @Override
    public List<EventSource<?, KindCluster>> prepareEventSources(EventSourceContext<KindCluster> context) {
        context.getPrimaryCache()
                .addIndexer(
                        BY_PROVIDER_CONFIG,
                        cluster -> List.of(cluster.providerConfigKey().name()));
        InformerEventSource<ProviderConfig, KindCluster> configs = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(ProviderConfig.class, KindCluster.class)
                        .withName("providerconfigs")
                        .withSecondaryToPrimaryMapper(config ->
                                context
                                        .getPrimaryCache()
                                        .byIndex(
                                                BY_PROVIDER_CONFIG,
                                                config.getMetadata().getName())
                                        .stream()
                                        .map(ResourceID::fromResource)
                                        .collect(Collectors.toSet()))
                        // status (users) and finalizer changes are the provider's own and change no connection
                        .withOnUpdateFilter((now, before) -> !Objects.equals(
                                now.getMetadata().getGeneration(),
                                before.getMetadata().getGeneration()))
                        .build(),
                context);
        InformerEventSource<Secret, KindCluster> secrets = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Secret.class, KindCluster.class)
                        .withName("connection-secrets")
                        .withLabelSelector(CONNECTION_SECRET_LABEL + "=true")
                        // a cache only: the publisher compares on every poll, so no change needs a reconcile
                        .withSecondaryToPrimaryMapper(secret -> Set.of())
                        .build(),
                context);
        // the state gauges count the KindClusters this controller's informer holds: no API request per count
        stateMetrics.bind(context.getPrimaryCache()::list);
        providerConfigs.bind(configs);
        connectionSecrets.bind(secrets);
        return List.of(changes, configs, secrets);
    }

    @Override
    protected void forget(KindCluster cluster) {
        usages.forget(cluster);
        retries.forget(cluster.getMetadata().getUid());
        changes.stopWatching(ResourceID.fromResource(cluster));
    }
}
