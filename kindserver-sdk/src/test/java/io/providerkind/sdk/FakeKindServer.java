package io.providerkind.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for kindserver on 127.0.0.1 (HTTPS or plain HTTP) that answers what a test tells it to and
 * records what it was sent. Tests against the real kindserver live with kindserver.
 */
final class FakeKindServer implements AutoCloseable {

    static final String BASE_PATH = "/api/v1/kindserver";

    /** What was sent: the raw (still encoded) path, the Authorization header and the body. */
    record Received(String method, String rawPath, String authorization, String contentType, String body) {}

    private record Answer(
            int status, String body, Duration delay, String location, boolean endless, String retryAfter) {
        Answer(int status, String body, Duration delay, String location) {
            this(status, body, delay, location, false, null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch endlessStopped = new CountDownLatch(1);

    private FakeKindServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeKindServer https(TestCertificate certificate) {
        try {
            HttpsServer server = HttpsServer.create(loopback(), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
            return new FakeKindServer(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static FakeKindServer http() {
        try {
            return new FakeKindServer(HttpServer.create(loopback(), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answer {@code method path} (path relative to the API base, "" for the list) with this status and body. */
    FakeKindServer answer(String method, String path, int status, String body) {
        answers.put(method + " " + BASE_PATH + path, new Answer(status, body, Duration.ZERO, null));
        return this;
    }

    /** Answer {@code method path} with a redirect to {@code location}. */
    FakeKindServer redirect(String method, String path, int status, String location) {
        answers.put(method + " " + BASE_PATH + path, new Answer(status, null, Duration.ZERO, location));
        return this;
    }

    /** As {@link #answer} but only after the delay (or when the server closes, whichever comes first). */
    FakeKindServer answerAfter(Duration delay, String method, String path, int status, String body) {
        answers.put(method + " " + BASE_PATH + path, new Answer(status, body, delay, null));
        return this;
    }

    /** Answer {@code method path} 429 with {@code Retry-After}, as kindserver answers a throttled address. */
    FakeKindServer throttle(String method, String path, String retryAfter, String body) {
        answers.put(method + " " + BASE_PATH + path, new Answer(429, body, Duration.ZERO, null, false, retryAfter));
        return this;
    }

    /** Answer {@code method path} 200 with a chunked JSON body that never ends (until the client goes away). */
    FakeKindServer answerEndlessly(String method, String path) {
        answers.put(method + " " + BASE_PATH + path, new Answer(200, null, Duration.ZERO, null, true, null));
        return this;
    }

    /** The API base URL as a user writes it, on the given host name (which must resolve to 127.0.0.1). */
    URI endpoint(String scheme, String host) {
        return URI.create(scheme + "://" + host + ":" + server.getAddress().getPort() + BASE_PATH);
    }

    URI endpoint() {
        return endpoint(server instanceof HttpsServer ? "https" : "http", "127.0.0.1");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            received.add(new Received(
                    method,
                    rawPath,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            Answer answer = answers.getOrDefault(
                    method + " " + rawPath,
                    new Answer(
                            404,
                            "{\"error\":\"not_found\",\"message\":\"no route " + rawPath + "\"}",
                            Duration.ZERO,
                            null));
            if (!answer.delay().isZero()) {
                closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.endless()) {
            sendEndlessly(exchange);
            return;
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.location() != null) {
            exchange.getResponseHeaders().set("Location", answer.location());
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void sendEndlessly(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = ("{\"clusters\":[" + "{},".repeat(8 * 1024)).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            while (closing.getCount() > 0) {
                out.write(chunk); // throws once the client has closed the connection
            }
        } catch (IOException clientGone) {
            endlessStopped.countDown();
        }
    }

    /** Whether an endless answer ended because its client went away (within the timeout). */
    boolean endlessAnswerAbandoned(Duration timeout) throws InterruptedException {
        return endlessStopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static InetSocketAddress loopback() {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
