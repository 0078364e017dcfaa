package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.ProviderConfigSpec;
import io.providerkind.provider.api.ProviderConfigStatus;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.EventRecorder;
import io.providerkind.provider.managed.ReconcileAdmission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a ProviderConfig of any of the three kinds from being deleted while managed resources use it
 * (crossplane-runtime's providerconfig reconciler): counts its usages into {@code status.users}, holds the
 * {@code in-use.crossplane.io} finalizer, and on deletion lets go only when no usage is left. Its {@code Synced}
 * condition says whether the drift alert webhook URL can be used. A subclass per kind, because java-operator-sdk
 * learns a controller's resource type from its class; each says which of its configs a usage names.
 *
 * @param <P> the ProviderConfig kind
 * @param <U> the usage kind that names it
 */
public abstract class ProviderConfigAccounting<
                P extends CustomResource<ProviderConfigSpec, ProviderConfigStatus>, U extends HasMetadata>
        implements Reconciler<P> {

    public static final String FINALIZER = "in-use.crossplane.io";
    public static final String TERMINATING = "Terminating";
    public static final String INVALID_WEBHOOK_URL = "InvalidWebhookURL";
    static final String BLOCKED = "Blocking deletion while usages still exist";

    private static final Logger log = LoggerFactory.getLogger(ProviderConfigAccounting.class);
    private static final Duration SHORT_WAIT = Duration.ofSeconds(30);

    private final Class<P> configType;
    private final Class<U> usageType;
    private final KubernetesClient client;
    private final EventRecorder events;
    private final ReconcileAdmission admission;
    private final Clock clock;

    protected ProviderConfigAccounting(
            Class<P> configType,
            Class<U> usageType,
            KubernetesClient client,
            EventRecorder events,
            ReconcileAdmission admission,
            Clock clock) {
        this.configType = configType;
        this.usageType = usageType;
        this.client = client;
        this.events = events;
        this.admission = admission;
        this.clock = clock;
    }

    /** The configs of this controller's kind the usage names: none, or one. */
    protected abstract Set<ResourceID> configsUsedBy(U usage);

    /** A label of the usage, or null. */
    protected static String label(HasMetadata usage, String key) {
        return usage.getMetadata().getLabels() == null
                ? null
                : usage.getMetadata().getLabels().get(key);
    }

    @Override
    public List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> context) {
        InformerEventSourceConfiguration<U> usages = InformerEventSourceConfiguration.from(usageType, configType)
                .withSecondaryToPrimaryMapper(this::configsUsedBy)
                .build();
        return List.of(new InformerEventSource<>(usages, context));
    }

    /**
     * Under the provider's global rate limit, as crossplane-runtime wraps its providerconfig reconciler: over the
     * limit, the reconcile is rescheduled for its token rather than run.
     */
    @Override
    public UpdateControl<P> reconcile(P config, Context<P> context) {
        String key = config.getMetadata().getUid();
        if (context.isPrimaryResourceDeleted()) {
            admission.forget(key);
            return UpdateControl.noUpdate();
        }
        Duration wait = admission.admit(key);
        if (!wait.isZero()) {
            return UpdateControl.<P>noUpdate().rescheduleAfter(wait);
        }
        try {
            return account(config, context.getSecondaryResources(usageType));
        } catch (KubernetesClientException e) {
            log.debug(
                    "{} {}: usage accounting failed: {}",
                    config.getKind(),
                    ResourceID.fromResource(config),
                    e.getMessage());
            events.warning(config, "UsageAccounting", e.getMessage());
            return UpdateControl.<P>noUpdate().rescheduleAfter(SHORT_WAIT);
        }
    }

    private UpdateControl<P> account(P config, Set<U> found) {
        long users = 0;
        for (U usage : found) {
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
    private static Condition synced(CustomResource<ProviderConfigSpec, ProviderConfigStatus> config) {
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
    private void writeStatusIfChanged(P config, List<Condition> conditions, long users) {
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
