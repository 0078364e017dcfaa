package io.providerkind.provider.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Serves Prometheus metrics on {@code /metrics} and the health probes {@code /healthz} (alive: the
 * operator runs and its informers are healthy) and {@code /readyz} (ready to reconcile), on the port
 * Crossplane's provider deployments scrape (8080).
 */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer server;

    public MetricsServer(
            InetSocketAddress address, PrometheusMeterRegistry registry, BooleanSupplier alive, BooleanSupplier ready)
            throws IOException {
        try {
            this.server = HttpServer.create(address, 0);
        } catch (BindException e) {
            // the JDK's message names no address: the operator needs the flag's
            throw new BindException(
                    "cannot serve metrics on " + address + " (--metrics-bind-address): " + e.getMessage());
        }
        server.createContext(
                "/metrics",
                exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.createContext("/healthz", exchange -> probe(exchange, alive));
        server.createContext("/readyz", exchange -> probe(exchange, ready));
        server.setExecutor(Executors.newFixedThreadPool(2, new NamedThreadFactory("metrics-server")));
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void probe(HttpExchange exchange, BooleanSupplier check) throws IOException {
        boolean ok = check.getAsBoolean();
        respond(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "not ok\n");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
