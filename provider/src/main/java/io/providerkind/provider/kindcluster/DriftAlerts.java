package io.providerkind.provider.kindcluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.EventRecorder;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Raises drift alerts: the {@code Drifted} condition, and once per distinct drift a Warning Event, a
 * metric and the optional webhook. "Distinct" is judged from the condition already in status, so a
 * provider restart does not alert again and a drift that changes (another node stops) does.
 * Nothing here touches the cluster: alerting is all the provider does about drift.
 */
public final class DriftAlerts {

    public static final String CONDITION = "Drifted";
    public static final String REASON_IN_SYNC = "InSync";
    public static final String REASON_SEVERAL = "SeveralDrifts";
    public static final String EVENT_DETECTED = "DriftDetected";
    public static final String EVENT_RESOLVED = "DriftResolved";

    private final EventRecorder events;
    private final MeterRegistry registry;
    private final DriftWebhook webhook;
    private final Clock clock;

    public DriftAlerts(EventRecorder events, MeterRegistry registry, DriftWebhook webhook, Clock clock) {
        this.events = events;
        this.registry = registry;
        this.webhook = webhook;
        this.clock = clock;
    }

    /**
     * Records the cluster's drift (none, one or several) in its status and alerts if it is new.
     *
     * @param webhookUrl where the ProviderConfig wants alerts posted, or null
     */
    public void apply(KindCluster cluster, List<Drift> drifts, String webhookUrl) {
        Optional<Condition> before = Conditions.find(cluster, CONDITION);
        if (drifts.isEmpty()) {
            if (before.map(Condition::isTrue).orElse(false)) {
                events.normal(cluster, EVENT_RESOLVED, "drift resolved: " + before.get().message());
            }
            Conditions.set(cluster, clock.instant(), Conditions.of(CONDITION, Condition.FALSE, REASON_IN_SYNC, null));
            return;
        }
        String reason = drifts.size() == 1 ? drifts.get(0).reason() : REASON_SEVERAL;
        String message = drifts.stream().map(d -> d.reason() + ": " + d.message()).collect(Collectors.joining("; "));
        Condition drifted = Conditions.of(CONDITION, Condition.TRUE, reason, message);
        boolean alreadyAlerted = before.map(c -> c.isTrue() && message.equals(c.message())).orElse(false);
        Conditions.set(cluster, clock.instant(), drifted);
        if (!alreadyAlerted) {
            alert(cluster, drifts, reason, message, webhookUrl);
        }
    }

    private void alert(KindCluster cluster, List<Drift> drifts, String reason, String message, String webhookUrl) {
        events.warning(cluster, EVENT_DETECTED, message);
        drifts.forEach(d -> Counter.builder("provider_kind_drift_alerts")
                .description("Drift alerts raised, by kind of drift; the provider never acts on drift")
                .tag("reason", d.reason())
                .register(registry)
                .increment());
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            webhook.send(webhookUrl, new DriftWebhook.Alert(cluster.getKind(), cluster.getMetadata().getName(),
                    Annotations.externalName(cluster), reason, message, drifts, clock.instant().toString()));
        }
    }
}
