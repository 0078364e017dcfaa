package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.ProviderConfigStatus;
import io.providerkind.provider.api.ProviderConfigUsage;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a ProviderConfig from being deleted while managed resources use it (crossplane-runtime's
 * providerconfig reconciler): counts its ProviderConfigUsages into {@code status.users}, holds the
 * {@code in-use.crossplane.io} finalizer, and on deletion lets go only when no usage is left. Its {@code Synced}
 * condition says whether the drift alert webhook URL can be used.
 */
@ControllerConfiguration(name = ProviderConfigReconciler.NAME, triggerReconcilerOnAllEvents = true)
public class ProviderConfigReconciler implements Reconciler<ProviderConfig> {

    public static final String NAME = "providerconfig/providerconfig." + ProviderConfig.GROUP;
    public static final String FINALIZER = "in-use.crossplane.io";
    public static final String TERMINATING = "Terminating";
    public static final String INVALID_WEBHOOK_URL = "InvalidWebhookURL";
    static final String BLOCKED = "Blocking deletion while usages still exist";

    private static final Logger log = LoggerFactory.getLogger(ProviderConfigReconciler.class);
    private static final Duration SHORT_WAIT = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final EventRecorder events;
    private final Clock clock;

    public ProviderConfigReconciler(KubernetesClient client, EventRecorder events, Clock clock) {
        this.client = client;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, ProviderConfig>> prepareEventSources(EventSourceContext<ProviderConfig> context) {
        InformerEventSourceConfiguration<ProviderConfigUsage> usages = InformerEventSourceConfiguration.from(
                        ProviderConfigUsage.class, ProviderConfig.class)
                .withSecondaryToPrimaryMapper(usage -> {
                    String config = usage.getMetadata().getLabels() == null
                            ? null
                            : usage.getMetadata().getLabels().get(ProviderConfigUsage.PROVIDER_CONFIG_LABEL);
                    return config == null ? Set.of() : Set.of(new ResourceID(config));
                })
                .build();
        return List.of(new InformerEventSource<>(usages, context));
    }

    @Override
    public UpdateControl<ProviderConfig> reconcile(ProviderConfig config, Context<ProviderConfig> context) {
        if (context.isPrimaryResourceDeleted()) {
            return UpdateControl.noUpdate();
        }
        try {
            return account(config, context.getSecondaryResources(ProviderConfigUsage.class));
        } catch (KubernetesClientException e) {
            log.debug(
                    "ProviderConfig {}: usage accounting failed: {}",
                    config.getMetadata().getName(),
                    e.getMessage());
            events.warning(config, "UsageAccounting", e.getMessage());
            return UpdateControl.<ProviderConfig>noUpdate().rescheduleAfter(SHORT_WAIT);
        }
    }

    private UpdateControl<ProviderConfig> account(ProviderConfig config, Set<ProviderConfigUsage> found) {
        long users = 0;
        for (ProviderConfigUsage usage : found) {
            if (hasController(usage)) {
                users++;
            } else {
                // a usage without its owner (stripped by a backup restore, say) is stale or will be recreated
                client.resource(usage).delete();
            }
        }
        List<Condition> conditions =
                config.getStatus() == null ? List.of() : config.getStatus().conditions();
        if (config.isMarkedForDeletion()) {
            if (users > 0) {
                boolean alreadyBlocked = conditions.stream().anyMatch(c -> TERMINATING.equals(c.type()));
                if (!alreadyBlocked) {
                    events.warning(config, "UsageAccounting", BLOCKED);
                }
                writeStatusIfChanged(
                        config,
                        Conditions.set(
                                conditions,
                                null,
                                clock.instant(),
                                Conditions.of(TERMINATING, Condition.TRUE, "InUse", BLOCKED)),
                        users);
                return UpdateControl.noUpdate();
            }
            if (config.getMetadata().getFinalizers().remove(FINALIZER)) {
                client.resource(config).update();
            }
            return UpdateControl.noUpdate();
        }
        if (!config.getMetadata().getFinalizers().contains(FINALIZER)) {
            config.getMetadata().getFinalizers().add(FINALIZER);
            config.getMetadata()
                    .setResourceVersion(
                            client.resource(config).update().getMetadata().getResourceVersion());
        }
        writeStatusIfChanged(
                config,
                Conditions.set(conditions, config.getMetadata().getGeneration(), clock.instant(), synced(config)),
                users);
        return UpdateControl.noUpdate();
    }

    /**
     * Synced tells whether the provider takes all of the spec. Only the webhook URL is judged here: the endpoint and
     * credentials are tried at every connect and their errors show on the KindClusters, while an unusable webhook URL
     * fails nothing there (they reconcile and alert without it), so this is the one place that says so.
     */
    private static Condition synced(ProviderConfig config) {
        if (WebhookUrl.of(config.getSpec()) instanceof WebhookUrl.Invalid invalid) {
            return Conditions.of(
                    Conditions.SYNCED,
                    Condition.FALSE,
                    INVALID_WEBHOOK_URL,
                    "spec.alerts.webhookURL " + invalid.problem() + "; it must be an absolute http or https URL with a "
                            + "host. Until it is fixed, drift alerts go out as Events, conditions and metrics only");
        }
        return Conditions.reconcileSuccess();
    }

    /** Conditions.set keeps an unchanged condition as it was, so an unchanged status compares equal. */
    private void writeStatusIfChanged(ProviderConfig config, List<Condition> conditions, long users) {
        ProviderConfigStatus after = new ProviderConfigStatus(conditions, users);
        if (!after.equals(config.getStatus())) {
            config.setStatus(after);
            client.resource(config).updateStatus();
        }
    }

    private static boolean hasController(HasMetadata resource) {
        return resource.getMetadata().getOwnerReferences() != null
                && resource.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> Boolean.TRUE.equals(o.getController()));
    }
}
