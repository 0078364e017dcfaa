package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.ProviderConfigUsage;
import io.providerkind.provider.managed.EventRecorder;
import io.providerkind.provider.managed.ReconcileAdmission;
import java.time.Clock;
import java.util.Set;

/** {@link ProviderConfigAccounting} of the legacy, cluster-scoped {@code kind.crossplane.io} ProviderConfigs. */
@ControllerConfiguration(name = ProviderConfigReconciler.NAME, triggerReconcilerOnAllEvents = true)
public class ProviderConfigReconciler extends ProviderConfigAccounting<ProviderConfig, ProviderConfigUsage> {

    public static final String NAME = "providerconfig/providerconfig." + ProviderConfig.GROUP;

    public ProviderConfigReconciler(
            KubernetesClient client, EventRecorder events, ReconcileAdmission admission, Clock clock) {
        super(ProviderConfig.class, ProviderConfigUsage.class, client, events, admission, clock);
    }

    @Override
    protected Set<ResourceID> configsUsedBy(ProviderConfigUsage usage) {
        String config = label(usage, ProviderConfigUsage.PROVIDER_CONFIG_LABEL);
        return config == null ? Set.of() : Set.of(new ResourceID(config));
    }
}
