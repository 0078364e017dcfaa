package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.providerkind.provider.api.m.ProviderConfig;
import io.providerkind.provider.api.m.ProviderConfigKind;
import io.providerkind.provider.api.m.ProviderConfigUsage;
import io.providerkind.provider.managed.EventRecorder;
import io.providerkind.provider.managed.ReconcileAdmission;
import java.time.Clock;
import java.util.Set;

/**
 * {@link ProviderConfigAccounting} of namespaced {@code kind.m.crossplane.io} ProviderConfigs, counting the usages of
 * their own namespace that name one.
 */
@ControllerConfiguration(name = NamespacedProviderConfigReconciler.NAME, triggerReconcilerOnAllEvents = true)
public class NamespacedProviderConfigReconciler extends ProviderConfigAccounting<ProviderConfig, ProviderConfigUsage> {

    public static final String NAME = "providerconfig/providerconfig." + ProviderConfig.GROUP;

    public NamespacedProviderConfigReconciler(
            KubernetesClient client, EventRecorder events, ReconcileAdmission admission, Clock clock) {
        super(ProviderConfig.class, ProviderConfigUsage.class, client, events, admission, clock);
    }

    @Override
    protected Set<ResourceID> configsUsedBy(ProviderConfigUsage usage) {
        String config = label(usage, ProviderConfigUsage.PROVIDER_CONFIG_LABEL);
        boolean thisKind = ProviderConfigKind.ProviderConfig.name()
                .equals(label(usage, ProviderConfigUsage.PROVIDER_CONFIG_KIND_LABEL));
        return config == null || !thisKind
                ? Set.of()
                : Set.of(new ResourceID(config, usage.getMetadata().getNamespace()));
    }
}
