package io.providerkind.provider.kindcluster;

import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.managed.Backoff;
import io.providerkind.provider.managed.ManagedController;
import io.providerkind.provider.managed.ManagedReconciler;
import io.providerkind.provider.managed.ReconcileRateLimiter;
import io.providerkind.provider.providerconfig.ProviderConfigUsageTracker;

/**
 * The KindCluster controller: the generic managed controller bound to KindCluster (java-operator-sdk
 * finds the resource type from this class's type argument). All-events mode, because the managed
 * reconciler owns crossplane's finalizer; not generation aware, because annotations (pause, external
 * name) matter too; the update filter is set at registration.
 */
@ControllerConfiguration(name = KindClusterController.NAME, triggerReconcilerOnAllEvents = true,
        generationAwareEventProcessing = false)
public class KindClusterController extends ManagedController<KindCluster> {

    /** crossplane-runtime's controller name for this kind: managed/&lt;kind&gt;.&lt;group&gt;. */
    public static final String NAME = "managed/kindcluster." + KindCluster.GROUP;

    private final ProviderConfigUsageTracker usages;

    public KindClusterController(ManagedReconciler<KindCluster> reconciler, ProviderConfigUsageTracker usages,
                                 Backoff backoff, ReconcileRateLimiter rateLimiter, MeterRegistry registry) {
        super(NAME, reconciler, backoff, rateLimiter, registry);
        this.usages = usages;
    }

    @Override
    protected void forget(KindCluster cluster) {
        usages.forget(cluster);
    }
}
