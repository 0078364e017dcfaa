package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.providerkind.kindserver.api.ApiSettings;
import io.providerkind.kindserver.api.HttpApi;
import io.providerkind.kindserver.api.Password;
import io.providerkind.kindserver.clusters.ClusterService;
import io.providerkind.kindserver.testing.TrustingClients;
import io.providerkind.kindserver.tls.SelfSignedCertificates;
import io.providerkind.kindserver.tls.TlsIdentity;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class KindServerTest {

    private static final String PASSWORD = "a-test-password-of-32-characters";

    /** A service whose list() waits until the test lets it answer, to have a request in flight at shutdown. */
    private static final class SlowListService implements ClusterService {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean closedWhileRequestInFlight = new AtomicBoolean();
        volatile boolean inFlight;

        @Override
        public List<ClusterInfo> list() {
            inFlight = true;
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight = false;
            return List.of();
        }

        @Override
        public Optional<ClusterInfo> get(String name) {
            return Optional.empty();
        }

        @Override
        public CreateOutcome create(String name, String kindConfig) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CreateOutcome create(
                io.providerkind.kindserver.kind.ClusterName name,
                io.providerkind.kindserver.kind.KindConfig config,
                String owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeleteOutcome delete(String name) {
            return new DeleteOutcome.NotFound(name);
        }

        @Override
        public LoadOutcome loadImages(io.providerkind.kindserver.kind.ClusterName name, List<String> images) {
            return new LoadOutcome.NotFound(name.value());
        }

        @Override
        public Optional<io.providerkind.sdk.LocalRegistry> registry() {
            return Optional.empty();
        }

        @Override
        public void subscribe(io.providerkind.kindserver.clusters.ClusterChanges listener) {}

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void close() {
            closedWhileRequestInFlight.set(inFlight);
            closed.set(true);
        }
    }

    @Test
    void stopsAcceptingThenLetsTheRequestInFlightFinishThenClosesTheClusterService() throws Exception {
        SlowListService clusters = new SlowListService();
        TlsIdentity tls =
                new SelfSignedCertificates(Clock.systemUTC(), Duration.ofDays(1)).create(List.of("127.0.0.1"), "test");
        HttpApi http = HttpApi.start(
                new ApiSettings("127.0.0.1", 0, 4096, Duration.ofSeconds(10)),
                tls,
                Password.of(PASSWORD),
                clusters,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC());
        AtomicBoolean resourceReleased = new AtomicBoolean();
        KindServer server = new KindServer(http, clusters, tls, List.of(() -> resourceReleased.set(true)));
        URI list = URI.create("https://127.0.0.1:" + server.port() + "/api/v1/kindserver");
        HttpClient client = TrustingClients.httpClient(tls.certificatePem());

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(list).header("Authorization", PASSWORD).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(clusters.entered.await(10, TimeUnit.SECONDS), "the request reached the service");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);

        awaitRefused(list, tls);
        assertFalse(clusters.closed.get(), "the service stays open while a request is in flight");
        clusters.release.countDown();

        assertEquals(200, inFlight.get(10, TimeUnit.SECONDS).statusCode());
        stopping.get(15, TimeUnit.SECONDS);
        assertTrue(clusters.closed.get());
        assertFalse(clusters.closedWhileRequestInFlight.get());
        assertTrue(resourceReleased.get());
        server.close(); // twice is harmless
    }

    /** A new client (new connection) is refused once the stop has begun. */
    private static void awaitRefused(URI uri, TlsIdentity tls) {
        Waits.await("new connections to be refused once the stop has begun")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try {
                        TrustingClients.httpClient(tls.certificatePem())
                                .send(
                                        HttpRequest.newBuilder(URI.create(
                                                        uri.toString().replace("/api/v1/kindserver", "/healthz")))
                                                .timeout(Duration.ofSeconds(1))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding());
                        return false;
                    } catch (IOException refused) {
                        return true;
                    }
                });
    }
}
