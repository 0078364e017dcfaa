package io.providerkind.provider;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.m.ClusterProviderConfig;
import io.providerkind.provider.kindcluster.ClusterOwners;
import io.providerkind.provider.kindcluster.DriftAlerts;
import io.providerkind.provider.kindcluster.DriftWebhook;
import io.providerkind.provider.kindcluster.FailedCreateRetries;
import io.providerkind.provider.kindcluster.ImageLoadFailures;
import io.providerkind.provider.kindcluster.KindClusterConnector;
import io.providerkind.provider.kindcluster.KindClusterController;
import io.providerkind.provider.kindcluster.KindClusterPolling;
import io.providerkind.provider.kindcluster.KindServerChanges;
import io.providerkind.provider.kindcluster.KindServerClientCache;
import io.providerkind.provider.kindcluster.KindServerClientFactory;
import io.providerkind.provider.kindcluster.NamespacedKindClusterController;
import io.providerkind.provider.managed.Backoff;
import io.providerkind.provider.managed.DesiredStateChanged;
import io.providerkind.provider.managed.EventRecorder;
import io.providerkind.provider.managed.KubernetesEventRecorder;
import io.providerkind.provider.managed.KubernetesManagedResourceStore;
import io.providerkind.provider.managed.ManagedMetrics;
import io.providerkind.provider.managed.ManagedReconciler;
import io.providerkind.provider.managed.ManagedStateMetrics;
import io.providerkind.provider.managed.OwnWrites;
import io.providerkind.provider.managed.ReconcileAdmission;
import io.providerkind.provider.managed.ReconcileRateLimiter;
import io.providerkind.provider.managed.ReconcilerSettings;
import io.providerkind.provider.managed.SecretConnectionPublisher;
import io.providerkind.provider.providerconfig.ClusterProviderConfigReconciler;
import io.providerkind.provider.providerconfig.CredentialsExtractor;
import io.providerkind.provider.providerconfig.CredentialsSecrets;
import io.providerkind.provider.providerconfig.NamespacedProviderConfigReconciler;
import io.providerkind.provider.providerconfig.ProviderConfigReconciler;
import io.providerkind.provider.providerconfig.ProviderConfigUsageTracker;
import io.providerkind.provider.providerconfig.ProviderConfigs;
import io.providerkind.provider.runtime.CachedReader;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * provider-kind assembled: the KindCluster and ProviderConfig controllers of both API groups (the legacy
 * cluster-scoped one and Crossplane v2's namespaced {@code .m.} one) on one java-operator-sdk operator.
 * ProviderMain runs it from flags; tests run it in-process against a real API server with a fake or real
 * kindserver behind the {@link KindServerClientFactory}.
 */
public final class Provider implements AutoCloseable {

    static final String LEASE_NAME = "crossplane-leader-election-provider-kind";
    static final String GVK = KindCluster.GROUP + "/v1alpha1, Kind=KindCluster";
    static final String NAMESPACED_GVK =
            io.providerkind.provider.api.m.KindCluster.GROUP + "/v1alpha1, Kind=KindCluster";
    /** How long close() waits for reconciles in flight; below Kubernetes' default 30 s termination grace period. */
    static final Duration RECONCILE_TERMINATION_TIMEOUT = Duration.ofSeconds(25);

    private static final String DEFAULT_NAMESPACE = "crossplane-system";
    private static final Logger log = LoggerFactory.getLogger(Provider.class);

    private final Operator operator;
    private final DriftWebhook webhook = new DriftWebhook();
    private final AtomicBoolean leading = new AtomicBoolean(false);
    private final AtomicBoolean closing = new AtomicBoolean(false);
    private final CredentialsSecrets credentialsSecrets;
    private final ManagedStateMetrics<KindCluster> stateMetrics;
    private final ManagedStateMetrics<io.providerkind.provider.api.m.KindCluster> namespacedStateMetrics;

    public Provider(
            ProviderSettings settings,
            KubernetesClient client,
            KindServerClientFactory kindservers,
            MeterRegistry registry) {
        this(settings, client, kindservers, registry, () -> ClusterOwners.read(client, providerNamespace()));
    }

    /** {@code identity}: the management cluster's identity, which ProviderMain reads while the operator is built. */
    Provider(
            ProviderSettings settings,
            KubernetesClient client,
            KindServerClientFactory kindservers,
            MeterRegistry registry,
            Supplier<ClusterOwners> identity) {
        this.operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withConcurrentReconciliationThreads(settings.maxReconcileRate())
                    // JOSDK's default (zero) interrupts reconciles in flight at once: a create kindserver has
                    // accepted would stop before its answer is recorded. Let them end, within the pod's 30 s grace.
                    .withReconciliationTerminationTimeout(RECONCILE_TERMINATION_TIMEOUT)
                    .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
            if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(leaderElection());
            } else {
                leading.set(true);
            }
        });
        Clock clock = Clock.systemUTC();
        EventRecorder events = new KubernetesEventRecorder(client, KindClusterController.NAME, clock);
        ProviderConfigUsageTracker usages = new ProviderConfigUsageTracker(client);
        this.credentialsSecrets = new CredentialsSecrets(client);
        // served from the KindCluster controllers' informers once they register them
        CachedReader<ProviderConfig> providerConfigs = new CachedReader<>(client, ProviderConfig.class);
        CachedReader<ClusterProviderConfig> clusterProviderConfigs =
                new CachedReader<>(client, ClusterProviderConfig.class);
        CachedReader<io.providerkind.provider.api.m.ProviderConfig> namespacedProviderConfigs =
                new CachedReader<>(client, io.providerkind.provider.api.m.ProviderConfig.class);
        CachedReader<Secret> connectionSecrets = new CachedReader<>(client, Secret.class);
        CachedReader<Secret> namespacedConnectionSecrets = new CachedReader<>(client, Secret.class);
        FailedCreateRetries retries = FailedCreateRetries.upTo(settings.poll(), clock);
        ProviderConfigs configs =
                new ProviderConfigs(providerConfigs, clusterProviderConfigs, namespacedProviderConfigs);
        CredentialsExtractor credentials = new CredentialsExtractor(credentialsSecrets, System::getenv);
        // one cache for both kinds: its keys tell every ProviderConfig of every kind and namespace apart
        KindServerClientCache clients = new KindServerClientCache(kindservers);
        EventRecorder namespacedEvents =
                new KubernetesEventRecorder(client, NamespacedKindClusterController.NAME, clock);
        DriftAlerts alerts = new DriftAlerts(events, registry, webhook, clock);
        DriftAlerts namespacedAlerts = new DriftAlerts(namespacedEvents, registry, webhook, clock);
        ClusterOwners owners = identity.get();
        ReconcilerSettings reconcilerSettings = ReconcilerSettings.defaults(settings.poll())
                .withPollIntervalHook(new KindClusterPolling(settings.busyPoll()))
                // a kind cluster's name is the external name, fixed before Create, and kindserver's create
                // is idempotent: an unrecorded create is resolved by observing, never by a person
                .withDeterministicExternalName(true)
                // kindserver records a cluster before it answers the create: absent right after a create means
                // absent, so there is no eventual consistency to wait out (and no 30 s stall deleting it)
                .withCreationGracePeriod(Duration.ZERO)
                .withManagementPolicies(settings.managementPolicies())
                .withPollJitter(settings.pollJitter());
        // one limit for every managed controller, as crossplane's --max-reconcile-rate; uids tell both kinds apart
        ReconcileRateLimiter rateLimit = ReconcileRateLimiter.global(settings.maxReconcileRate());
        OwnWrites ownWrites = new OwnWrites();
        this.stateMetrics = new ManagedStateMetrics<>(registry, GVK, settings.pollStateMetric());
        this.namespacedStateMetrics = new ManagedStateMetrics<>(registry, NAMESPACED_GVK, settings.pollStateMetric());
        // reconciles on kindserver's changes of a cluster being created or deleted, one source per controller
        KindServerChanges<KindCluster> changes = new KindServerChanges<>("kindserver-changes");
        KindServerChanges<io.providerkind.provider.api.m.KindCluster> namespacedChanges =
                new KindServerChanges<>("kindserver-changes");
        ManagedReconciler<KindCluster> reconciler = new ManagedReconciler<>(
                new KubernetesManagedResourceStore<>(client, KindCluster.class, ownWrites),
                new KindClusterConnector<>(
                        configs,
                        usages,
                        credentials,
                        clients,
                        alerts,
                        retries,
                        clock,
                        owners,
                        changes,
                        new ImageLoadFailures(events)),
                new SecretConnectionPublisher(client, connectionSecrets, KindClusterController.CONNECTION_SECRET_LABEL),
                events,
                new ManagedMetrics(registry, GVK, clock),
                reconcilerSettings,
                clock);
        ManagedReconciler<io.providerkind.provider.api.m.KindCluster> namespacedReconciler = new ManagedReconciler<>(
                new KubernetesManagedResourceStore<>(
                        client, io.providerkind.provider.api.m.KindCluster.class, ownWrites),
                new KindClusterConnector<>(
                        configs,
                        usages,
                        credentials,
                        clients,
                        namespacedAlerts,
                        retries,
                        clock,
                        owners,
                        namespacedChanges,
                        new ImageLoadFailures(namespacedEvents)),
                new SecretConnectionPublisher(
                        client, namespacedConnectionSecrets, KindClusterController.CONNECTION_SECRET_LABEL),
                namespacedEvents,
                new ManagedMetrics(registry, NAMESPACED_GVK, clock),
                reconcilerSettings,
                clock);
        operator.register(
                new KindClusterController(
                        reconciler,
                        usages,
                        providerConfigs,
                        connectionSecrets,
                        retries,
                        stateMetrics,
                        Backoff.crossplaneDefaults(),
                        new ReconcileAdmission(rateLimit),
                        ownWrites,
                        registry,
                        changes),
                o -> o.withOnUpdateFilter(new DesiredStateChanged<>(ownWrites))
                        .withReconciliationMaxInterval(settings.sync()));
        operator.register(
                new NamespacedKindClusterController(
                        namespacedReconciler,
                        usages,
                        clusterProviderConfigs,
                        namespacedProviderConfigs,
                        namespacedConnectionSecrets,
                        retries,
                        namespacedStateMetrics,
                        Backoff.crossplaneDefaults(),
                        new ReconcileAdmission(rateLimit),
                        ownWrites,
                        registry,
                        namespacedChanges),
                o -> o.withOnUpdateFilter(new DesiredStateChanged<>(ownWrites))
                        .withReconciliationMaxInterval(settings.sync()));
        operator.register(
                new ProviderConfigReconciler(
                        client,
                        new KubernetesEventRecorder(client, ProviderConfigReconciler.NAME, clock),
                        new ReconcileAdmission(rateLimit),
                        clock),
                o -> o.withReconciliationMaxInterval(settings.sync()));
        operator.register(
                new ClusterProviderConfigReconciler(
                        client,
                        new KubernetesEventRecorder(client, ClusterProviderConfigReconciler.NAME, clock),
                        new ReconcileAdmission(rateLimit),
                        clock),
                o -> o.withReconciliationMaxInterval(settings.sync()));
        operator.register(
                new NamespacedProviderConfigReconciler(
                        client,
                        new KubernetesEventRecorder(client, NamespacedProviderConfigReconciler.NAME, clock),
                        new ReconcileAdmission(rateLimit),
                        clock),
                o -> o.withReconciliationMaxInterval(settings.sync()));
    }

    public Provider start() {
        operator.start();
        stateMetrics.start();
        namespacedStateMetrics.start();
        return this;
    }

    /** Alive unless this replica leads and one of its informers stopped working. */
    public boolean alive() {
        return !leading.get()
                || !operator.getRuntimeInfo().isStarted()
                || operator.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    /** Ready once started; a standby replica is ready too, waiting for the lease. */
    public boolean ready() {
        return operator.getRuntimeInfo().isStarted();
    }

    @Override
    public void close() {
        closing.set(true);
        stateMetrics.close();
        namespacedStateMetrics.close();
        operator.stop();
        credentialsSecrets.close();
        webhook.close();
    }

    private LeaderElectionConfiguration leaderElection() {
        String namespace = providerNamespace();
        LeaderCallbacks callbacks = new LeaderCallbacks(() -> leading.set(true), this::stoppedLeading, leader -> {});
        // JOSDK's exitOnStopLeading also fires when close() stops the elector, and close() runs in the shutdown
        // hook, where System.exit blocks forever: the pod would hang until SIGKILL. So exit only on a real loss.
        return new LeaderElectionConfiguration(
                LEASE_NAME,
                namespace,
                LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                identity(),
                callbacks,
                false);
    }

    /** A lost lease stops the process, as controller-runtime does: another replica reconciles from now on. */
    private void stoppedLeading() {
        leading.set(false);
        if (!closing.get()) {
            log.error("leader election lost: exiting so that only the new leader reconciles");
            System.exit(1);
        }
    }

    /** Where the provider keeps its lease and its identity: the pod's namespace, which Crossplane sets. */
    static String providerNamespace() {
        String namespace = System.getenv("POD_NAMESPACE");
        return namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }

    /** The pod's name made unique per process, as controller-runtime's: two processes never share a lease. */
    private static String identity() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "provider-kind" : host) + "_" + UUID.randomUUID();
    }
}
