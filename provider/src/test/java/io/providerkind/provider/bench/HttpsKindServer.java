package io.providerkind.provider.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.providerkind.kindserver.tls.SelfSignedCertificates;
import io.providerkind.kindserver.tls.TlsIdentity;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ConflictException;
import io.providerkind.sdk.CreateClusterRequest;
import io.providerkind.sdk.ErrorBody;
import io.providerkind.sdk.KindServerJson;
import io.providerkind.testsupport.JsonExchanges;
import io.providerkind.testsupport.tls.KeyIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * kindserver's cluster API over HTTPS on 127.0.0.1, with the kind of certificate kindserver makes for itself (a
 * self-signed one, whose PEM the ProviderConfig trusts), its clusters in a {@link FakeKindServer}: a provider started
 * as its own process reaches it as it reaches kindserver, TLS handshake included, and only the provider is timed. A
 * create is Ready at once. Remembers when each cluster was first asked about, which is when the provider's first
 * reconcile of it reached kindserver.
 */
final class HttpsKindServer implements AutoCloseable {

    static final String PATH = "/api/v1/kindserver";

    private final FakeKindServer clusters;
    private final TlsIdentity identity =
            new SelfSignedCertificates(Clock.systemUTC(), Duration.ofDays(1)).create(List.of("127.0.0.1"), "bench");
    private final HttpsServer server;
    private final ObjectMapper json = KindServerJson.newObjectMapper();
    private final Map<String, Long> firstCallNanos = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    HttpsKindServer(FakeKindServer clusters) throws IOException, GeneralSecurityException {
        this.clusters = clusters;
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(
                KeyIdentity.sslContext(identity.privateKey(), identity.chain().toArray(new Certificate[0]), null)));
        server.createContext(PATH + "/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "http-kindserver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** What a ProviderConfig names: the base URL and the certificate to trust. */
    KindServerEndpoint endpoint() {
        return new KindServerEndpoint(
                "https://127.0.0.1:" + server.getAddress().getPort() + PATH, identity.certificatePem(), null);
    }

    /** Forgets every first call: the next provider process is timed afresh. */
    void resetCalls() {
        firstCallNanos.clear();
    }

    /** {@link System#nanoTime()} of the earliest call since {@link #resetCalls()}, if any. */
    Optional<Long> firstCall() {
        return firstCallNanos.values().stream().min(Long::compare);
    }

    /** How many clusters were asked about since {@link #resetCalls()}. */
    int clustersCalled() {
        return firstCallNanos.size();
    }

    /** Every call ever answered, first or not. */
    long calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (exchange) {
            String name = URLDecoder.decode(
                    exchange.getRequestURI().getRawPath().substring(PATH.length() + 1), StandardCharsets.UTF_8);
            firstCallNanos.putIfAbsent(name, now);
            calls.incrementAndGet();
            switch (exchange.getRequestMethod()) {
                case "GET" -> found(exchange, name);
                case "POST" -> created(exchange, name);
                case "DELETE" -> respond(exchange, clusters.delete(name) ? 202 : 404, notFound(name));
                default -> respond(exchange, 405, new ErrorBody("bad_request", "method not allowed"));
            }
        }
    }

    private void found(HttpExchange exchange, String name) throws IOException {
        Optional<ClusterInfo> info = clusters.find(name);
        if (info.isPresent()) {
            respond(exchange, 200, info.get());
        } else {
            respond(exchange, 404, notFound(name));
        }
    }

    private void created(HttpExchange exchange, String name) throws IOException {
        CreateClusterRequest request = json.readValue(exchange.getRequestBody(), CreateClusterRequest.class);
        try {
            ClusterInfo creating = clusters.create(name, request.kindConfig(), request.owner());
            clusters.ready(name);
            respond(exchange, 202, creating);
        } catch (ConflictException e) {
            respond(exchange, 409, new ErrorBody("conflict", e.getMessage()));
        }
    }

    private static ErrorBody notFound(String name) {
        return new ErrorBody(ErrorBody.CLUSTER_NOT_FOUND, "no cluster " + name);
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        JsonExchanges.send(exchange, status, json.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
