package io.providerkind.provider.kindcluster;

import io.providerkind.provider.providerconfig.WebhookUrl;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One drift alert on its way to one webhook, on the webhook's threads: attempts with a timeout each, a pause that
 * doubles before each retry, and one log line when it ends, however it ends (the first end wins). A 5xx or no
 * answer at all is retried, since the receiver may take it later; a 4xx is not, since the request itself is what
 * the receiver refuses. The alert carries its drift's fingerprint, so a receiver that got a retried alert twice
 * can tell.
 */
final class WebhookDelivery {

    // DriftWebhook's logger: one name for operators to raise or silence for everything the webhook does
    private static final Logger log = LoggerFactory.getLogger(DriftWebhook.class);

    private final WebhookUrl.Valid target;
    private final DriftWebhook.Alert alert;
    private final HttpRequest request;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final DriftWebhook.Settings settings;
    private final CompletableFuture<WebhookOutcome> outcome = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean superseded;
    private volatile Future<?> next;

    WebhookDelivery(
            WebhookUrl.Valid target,
            DriftWebhook.Alert alert,
            HttpRequest request,
            HttpClient http,
            ScheduledExecutorService timer,
            DriftWebhook.Settings settings) {
        this.target = target;
        this.alert = alert;
        this.request = request;
        this.http = http;
        this.timer = timer;
        this.settings = settings;
    }

    CompletableFuture<WebhookOutcome> outcome() {
        return outcome;
    }

    /** Whether this delivery carries that very alert: the same drift, first seen at the same time. */
    boolean carries(DriftWebhook.Alert other) {
        return Objects.equals(alert.fingerprint(), other.fingerprint()) && Objects.equals(alert.time(), other.time());
    }

    void start() {
        schedule(0);
    }

    /** A newer drift of the cluster is on its way: attempt no more (an attempt under way may still get through). */
    void supersede() {
        superseded = true;
        Future<?> waiting = next;
        if (waiting != null && waiting.cancel(false)) {
            end(new WebhookOutcome.Superseded(attempts.get()));
        }
    }

    /** The provider is stopping: whatever has not got through by now will not. */
    void abandon() {
        end(new WebhookOutcome.GaveUp("the provider stopped", attempts.get()));
    }

    private void schedule(long delayMillis) {
        try {
            Future<?> scheduled = timer.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
            next = scheduled;
            // supersede() may have run between the answer's check of superseded and the line above, and found the
            // finished attempt in next: then the retry would wait out its whole backoff before ending
            if (superseded && scheduled.cancel(false)) {
                end(new WebhookOutcome.Superseded(attempts.get()));
            }
        } catch (RejectedExecutionException e) {
            abandon();
        }
    }

    private void attempt() {
        if (superseded) {
            end(new WebhookOutcome.Superseded(attempts.get()));
            return;
        }
        int number = attempts.incrementAndGet();
        try {
            // the answer is handled on the timer's thread too (the JDK's client would hand it to the common pool),
            // so that close() stops everything and attempts and answers of one alert never overlap
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenCompleteAsync((response, failure) -> answered(number, response, failure), timer);
        } catch (RuntimeException e) {
            // on the timer's thread nobody would see it: end here rather than never
            end(new WebhookOutcome.GaveUp(describe(e), number));
        }
    }

    private void answered(int number, HttpResponse<Void> response, Throwable failure) {
        if (failure == null && response.statusCode() / 100 == 2) {
            end(new WebhookOutcome.Delivered(response.statusCode(), number));
        } else if (failure == null && response.statusCode() < 500) {
            end(new WebhookOutcome.Refused(response.statusCode()));
        } else if (superseded) {
            end(new WebhookOutcome.Superseded(number));
        } else if (number >= settings.attempts()) {
            end(new WebhookOutcome.GaveUp(problem(response, failure), number));
        } else {
            log.debug(
                    "drift alert for {} to {}: attempt {} failed ({}), retrying",
                    about(alert),
                    target.origin(),
                    number,
                    problem(response, failure));
            schedule(settings.backoffAfter(number).toMillis());
        }
    }

    /** Logs before completing, so that whoever waits on the outcome finds the log line written. */
    private void end(WebhookOutcome result) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (result.lost()) {
            log.warn("drift alert for {} to {}: {}", about(alert), target.origin(), result.summary());
        } else {
            log.info("drift alert for {} to {}: {}", about(alert), target.origin(), result.summary());
        }
        outcome.complete(result);
    }

    /** Which cluster and drift, for a log line: "KindCluster dev (NodesStopped)". */
    static String about(DriftWebhook.Alert alert) {
        return alert == null ? "(none)" : alert.kind() + " " + alert.name() + " (" + alert.reason() + ")";
    }

    private String problem(HttpResponse<Void> response, Throwable failure) {
        return failure == null ? "HTTP " + response.statusCode() : describe(failure);
    }

    /** The failure's type and message, which the JDK's HTTP client may word with the URL: redacted. */
    private String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + target.redact(message));
    }
}
