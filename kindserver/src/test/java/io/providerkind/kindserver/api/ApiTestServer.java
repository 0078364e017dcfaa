package io.providerkind.kindserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.providerkind.kindserver.testing.InMemoryClusterService;
import io.providerkind.kindserver.testing.TrustingClients;
import io.providerkind.kindserver.tls.SelfSignedCertificates;
import io.providerkind.kindserver.tls.TlsIdentity;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTPS API on loopback (ephemeral port, self-signed certificate) in front of an
 * {@link InMemoryClusterService}, with a client that trusts exactly that certificate.
 */
final class ApiTestServer implements AutoCloseable {

    static final String PASSWORD = "s3cret-Pa55word-for-tests";
    static final long DEFAULT_MAX_BODY = 64 * 1024;

    final InMemoryClusterService clusters = new InMemoryClusterService();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final TlsIdentity tls;
    final HttpApi api;
    final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** How long kindserver's own stop waits for requests in flight (KindServerLauncher). */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(5);

    private ApiTestServer(long maxBodyBytes, TlsIdentity tls, ApiSettings.TransportLimits transport, Clock clock) {
        // no graceful wait on stop: most tests have nothing in flight when they stop, and it costs a second
        this(maxBodyBytes, tls, transport, clock, Duration.ZERO);
    }

    private ApiTestServer(
            long maxBodyBytes,
            TlsIdentity tls,
            ApiSettings.TransportLimits transport,
            Clock clock,
            Duration stopTimeout) {
        this.tls = tls;
        this.api = HttpApi.start(
                new ApiSettings("127.0.0.1", 0, maxBodyBytes, stopTimeout, transport),
                tls,
                Password.of(PASSWORD),
                clusters,
                registry,
                clock);
        this.http = TrustingClients.httpClient(tls.certificatePem());
    }

    static ApiTestServer start() {
        return start(DEFAULT_MAX_BODY);
    }

    static ApiTestServer start(long maxBodyBytes) {
        return start(maxBodyBytes, selfSigned());
    }

    static ApiTestServer start(long maxBodyBytes, TlsIdentity tls) {
        return new ApiTestServer(maxBodyBytes, tls, ApiSettings.TransportLimits.DEFAULTS, Clock.systemUTC());
    }

    /**
     * A server whose stop waits for requests in flight as kindserver's does; without that wait Jetty closes the
     * connections at once, and an answer written after the stop began (a held GET's 503) may be lost.
     */
    static ApiTestServer startStoppingGracefully() {
        return new ApiTestServer(
                DEFAULT_MAX_BODY, selfSigned(), ApiSettings.TransportLimits.DEFAULTS, Clock.systemUTC(), GRACEFUL_STOP);
    }

    /** With other connection limits, e.g. timeouts short enough for a test to wait them out. */
    static ApiTestServer start(ApiSettings.TransportLimits transport) {
        return new ApiTestServer(DEFAULT_MAX_BODY, selfSigned(), transport, Clock.systemUTC());
    }

    /** A server whose time (how long an address stays blocked after wrong passwords) the test controls. */
    static ApiTestServer start(Clock clock) {
        return new ApiTestServer(DEFAULT_MAX_BODY, selfSigned(), ApiSettings.TransportLimits.DEFAULTS, clock);
    }

    static TlsIdentity selfSigned() {
        return new SelfSignedCertificates(Clock.systemUTC(), Duration.ofDays(1))
                .create(List.of("127.0.0.1", "localhost"), "test");
    }

    URI uri(String rawPath) {
        return URI.create("https://127.0.0.1:" + api.port() + rawPath);
    }

    HttpResponse<String> send(String method, String rawPath, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(rawPath))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("kindserver did not answer " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A call with the right password. */
    HttpResponse<String> call(String method, String rawPath, String body) {
        return send(method, rawPath, body, "Bearer " + PASSWORD);
    }

    /** Sends a GET of {@code path} that waits for its answer to differ from {@code etag}, for {@code seconds} at most. */
    CompletableFuture<HttpResponse<String>> waitForChange(String path, String etag, int seconds) {
        HttpRequest request = HttpRequest.newBuilder(uri(path + waitQuery(etag, seconds)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + PASSWORD)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Returns once {@code count} GETs wait for a change, as kindserver's gauge counts them. */
    void awaitWaiting(int count) {
        Waits.await(count + " GETs waiting").atMost(Duration.ofSeconds(10)).until(() -> waiting() == count);
    }

    /** How many GETs wait for a change now. */
    int waiting() {
        return (int) registry.get("kindserver.cluster.waits").gauge().value();
    }

    static String waitQuery(String etag, int seconds) {
        return "?waitForChange=" + URLEncoder.encode(etag, StandardCharsets.UTF_8) + "&timeoutSeconds=" + seconds;
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (status " + response.statusCode() + "): " + response.body(), e);
        }
    }

    @Override
    public void close() {
        api.stop();
    }
}
