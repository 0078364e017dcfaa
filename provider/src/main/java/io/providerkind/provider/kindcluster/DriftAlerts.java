package io.providerkind.provider.kindcluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.DriftStatus;
import io.providerkind.provider.api.KindClusterResource;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.Announcement;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.EventRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Raises drift alerts: the {@code Drifted} condition and {@code status.atProvider.drift}, and once per
 * distinct drift a Warning Event, a metric and the optional webhook. "Distinct" is judged by the drift's
 * fingerprint (what drifted, not how it is worded) against the one already in status, and the alert is
 * an {@link Announcement}: told only once the status recording the new fingerprint is written. So a
 * provider restart or a reconcile of a stale copy does not alert again, and a drift that changes (another
 * node stops) does. Nothing here touches the cluster: alerting is all the provider does about drift.
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
     * Records the cluster's drift (none, one or several) in its status and answers what to announce once
     * that status is written: nothing when the drift is the one already recorded.
     *
     * @param webhookUrl where the ProviderConfig wants alerts posted, or null
     */
    public List<Announcement> apply(KindClusterResource cluster, List<Drift> drifts, String webhookUrl) {
        DriftStatus before = cluster.atProvider().drift();
        Instant now = clock.instant();
        if (drifts.isEmpty()) {
            String resolved = Conditions.find(cluster, CONDITION)
                    .filter(Condition::isTrue)
                    .map(Condition::message)
                    .orElse(before == null ? null : before.fingerprint());
            cluster.replaceAtProvider(cluster.atProvider().withDrift(null));
            Conditions.set(cluster, now, Conditions.of(CONDITION, Condition.FALSE, REASON_IN_SYNC, null));
            return before == null
                    ? List.of()
                    : List.of(() -> events.normal(cluster, EVENT_RESOLVED, "drift resolved: " + resolved));
        }
        String reason = drifts.size() == 1 ? drifts.get(0).reason() : REASON_SEVERAL;
        String message =
                drifts.stream().map(d -> d.reason() + ": " + d.message()).collect(Collectors.joining("; "));
        Conditions.set(cluster, now, Conditions.of(CONDITION, Condition.TRUE, reason, message));
        String fingerprint = Drift.fingerprint(drifts);
        if (before != null && fingerprint.equals(before.fingerprint())) {
            return List.of();
        }
        cluster.replaceAtProvider(cluster.atProvider().withDrift(new DriftStatus(fingerprint, now.toString())));
        // keys hold no spaces (reasons, hashes and kind names), so the fingerprint splits back into them
        Set<String> alreadyCounted =
                before == null ? Set.of() : Set.of(before.fingerprint().split(" "));
        List<Drift> fresh =
                drifts.stream().filter(d -> !alreadyCounted.contains(d.key())).toList();
        DriftWebhook.Alert alert = new DriftWebhook.Alert(
                cluster.getKind(),
                cluster.getMetadata().getName(),
                Annotations.externalName(cluster),
                reason,
                message,
                fingerprint,
                drifts,
                now.toString());
        return List.of(() -> alert(cluster, alert, fresh, webhookUrl));
    }

    private void alert(KindClusterResource cluster, DriftWebhook.Alert alert, List<Drift> fresh, String webhookUrl) {
        events.warning(cluster, EVENT_DETECTED, alert.message());
        fresh.forEach(d -> Counter.builder("provider_kind_drift_alerts")
                .description("Drift alerts raised, by kind of drift; the provider never acts on drift")
                .tag("reason", d.reason())
                .register(registry)
                .increment());
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            // returns at once and never throws: a bad URL or a slow receiver does not fail this reconcile
            webhook.send(webhookUrl, alert);
        }
    }
}
