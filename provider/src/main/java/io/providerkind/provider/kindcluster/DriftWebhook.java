package io.providerkind.provider.kindcluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.providerkind.provider.providerconfig.WebhookUrl;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts drift alerts to the webhook a ProviderConfig names: one JSON document per distinct drift of a cluster,
 * delivered on threads of its own so that neither a slow receiver nor a bad URL holds up or fails a reconcile.
 * Each alert is tried a few times (see {@link WebhookDelivery}) and logged once, naming the receiver by its origin
 * only, as its path and query often hold a token. Per cluster only the newest drift is being delivered: a newer one
 * replaces an older one still retrying, and the same alert sent twice is posted once. The Event, condition and
 * metric carry every alert regardless.
 */
public final class DriftWebhook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DriftWebhook.class);

    private final Settings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService timer;
    private final HttpClient http;
    /** The newest delivery of each cluster, by kind and name; guarded by itself. */
    private final Map<String, WebhookDelivery> newest = new HashMap<>();

    private boolean closed;

    /** How hard to try: attempts in all, the pause before the first retry (doubled for each next one), per attempt. */
    public record Settings(int attempts, Duration firstBackoff, Duration timeout) {

        public Settings {
            if (attempts < 1 || firstBackoff.isNegative() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(
                        "webhook settings need an attempt, a backoff >= 0 and a timeout > 0");
            }
        }

        /** Three attempts, 1 s and then 2 s apart, 10 s each: a receiver that restarts gets the alert. */
        public static Settings defaults() {
            return new Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(10));
        }

        Duration backoffAfter(int attempt) {
            return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 16));
        }
    }

    /**
     * The alert as the receiver gets it.
     *
     * @param fingerprint what drifted ({@code status.atProvider.drift.fingerprint}): the same for every POST of
     *                    one drift, so a receiver can drop one it already has
     * @param time        when this drift was first seen ({@code status.atProvider.drift.since})
     */
    public record Alert(
            String kind,
            String name,
            String externalName,
            String reason,
            String message,
            String fingerprint,
            List<Drift> drifts,
            String time) {}

    public DriftWebhook() {
        this(Settings.defaults());
    }

    public DriftWebhook(Settings settings) {
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("drift-webhook"));
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .executor(timer)
                .build();
    }

    /**
     * Starts posting the alert and returns at once; never throws. The future completes with how it ended (never
     * exceptionally), once that is logged.
     *
     * @param url the ProviderConfig's webhook URL as written, valid or not
     */
    public CompletableFuture<WebhookOutcome> send(String url, Alert alert) {
        try {
            WebhookUrl parsed = WebhookUrl.parse(url);
            if (parsed instanceof WebhookUrl.Valid target) {
                return deliver(target, alert);
            }
            if (parsed instanceof WebhookUrl.Invalid invalid) {
                return notSent(
                        alert, "the webhook URL " + invalid.problem() + " (see the ProviderConfig's conditions)");
            }
            return CompletableFuture.completedFuture(new WebhookOutcome.NotSent("no webhook URL"));
        } catch (JsonProcessingException | RuntimeException e) {
            // an alert that cannot be posted must not fail the reconcile that raised it
            return notSent(alert, "cannot post it: " + e.getClass().getSimpleName());
        }
    }

    private CompletableFuture<WebhookOutcome> deliver(WebhookUrl.Valid target, Alert alert)
            throws JsonProcessingException {
        WebhookDelivery delivery = new WebhookDelivery(target, alert, request(target, alert), http, timer, settings);
        WebhookDelivery older;
        synchronized (newest) {
            if (closed) {
                return notSent(alert, "the provider is stopping");
            }
            String cluster = alert.kind() + "/" + alert.name();
            older = newest.get(cluster);
            if (older != null && older.carries(alert)) {
                log.debug("drift alert for {}: sent already", WebhookDelivery.about(alert));
                return CompletableFuture.completedFuture(new WebhookOutcome.Duplicate());
            }
            newest.put(cluster, delivery);
        }
        if (older != null) {
            older.supersede();
        }
        delivery.start();
        return delivery.outcome();
    }

    private HttpRequest request(WebhookUrl.Valid target, Alert alert) throws JsonProcessingException {
        return HttpRequest.newBuilder(target.uri())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "provider-kind")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(alert)))
                .build();
    }

    private static CompletableFuture<WebhookOutcome> notSent(Alert alert, String problem) {
        WebhookOutcome outcome = new WebhookOutcome.NotSent(problem);
        log.warn("drift alert for {}: {}", WebhookDelivery.about(alert), outcome.summary());
        return CompletableFuture.completedFuture(outcome);
    }

    /** Stops the webhook's thread; alerts still being retried end as given up, each logged. */
    @Override
    public void close() {
        List<WebhookDelivery> unfinished;
        synchronized (newest) {
            closed = true;
            unfinished = new ArrayList<>(newest.values());
        }
        timer.shutdownNow();
        unfinished.forEach(WebhookDelivery::abandon);
    }
}
