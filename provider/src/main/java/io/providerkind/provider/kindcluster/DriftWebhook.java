package io.providerkind.provider.kindcluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts drift alerts to the webhook a ProviderConfig names: one JSON document per distinct drift of a
 * cluster, sent in the background so a slow receiver never holds up reconciling. A failed delivery is
 * logged; the Event, condition and metric carry the alert regardless.
 */
public final class DriftWebhook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DriftWebhook.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "drift-webhook");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(sender).build();

    /** The alert as the receiver gets it. */
    public record Alert(
            String kind,
            String name,
            String externalName,
            String reason,
            String message,
            List<Drift> drifts,
            String time) {}

    /** Sends the alert; the future completes with the HTTP status, or exceptionally. */
    public CompletableFuture<Integer> send(String url, Alert alert) {
        String body;
        try {
            body = json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "provider-kind")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .whenComplete((status, failure) -> {
                    if (failure != null) {
                        log.warn(
                                "drift alert for {} {} not delivered to {}: {}",
                                alert.kind(),
                                alert.name(),
                                url,
                                failure.getMessage());
                    } else if (status >= 300) {
                        log.warn(
                                "drift alert for {} {} refused by {} with HTTP {}",
                                alert.kind(),
                                alert.name(),
                                url,
                                status);
                    }
                });
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
