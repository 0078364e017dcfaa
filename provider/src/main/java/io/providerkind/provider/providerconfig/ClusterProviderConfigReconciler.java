package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.providerkind.provider.api.m.ClusterProviderConfig;
import io.providerkind.provider.api.m.ProviderConfig;
import io.providerkind.provider.api.m.ProviderConfigKind;
import io.providerkind.provider.api.m.ProviderConfigUsage;
import io.providerkind.provider.managed.EventRecorder;
import io.providerkind.provider.managed.ReconcileAdmission;
import java.time.Clock;
import java.util.Set;

/**
 * {@link ProviderConfigAccounting} of {@code kind.m.crossplane.io} ClusterProviderConfigs, counting the usages of
 * every namespace that name one.
 */
@ControllerConfiguration(name = ClusterProviderConfigReconciler.NAME, triggerReconcilerOnAllEvents = true)
public class ClusterProviderConfigReconciler
        extends ProviderConfigAccounting<ClusterProviderConfig, ProviderConfigUsage> {

    public static final String NAME = "providerconfig/clusterproviderconfig." + ProviderConfig.GROUP;

    public ClusterProviderConfigReconciler(
            KubernetesClient client, EventRecorder events, ReconcileAdmission admission, Clock clock) {
        super(ClusterProviderConfig.class, ProviderConfigUsage.class, client, events, admission, clock);
    }

    @Override
    protected Set<ResourceID> configsUsedBy(ProviderConfigUsage usage) {
        String config = label(usage, ProviderConfigUsage.PROVIDER_CONFIG_LABEL);
        boolean thisKind = ProviderConfigKind.ClusterProviderConfig.name()
                .equals(label(usage, ProviderConfigUsage.PROVIDER_CONFIG_KIND_LABEL));
        return config == null || !thisKind ? Set.of() : Set.of(new ResourceID(config));
    }
}
