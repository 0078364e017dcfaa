package io.providerkind.provider;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.providerkind.provider.kindcluster.ClusterOwners;
import io.providerkind.provider.runtime.KubeApiRequests;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The part of the start that needs no flag, begun on a thread of its own as the process starts: the metrics registry,
 * the Kubernetes client (whose build loads Jackson, the fabric8 model, TLS and the JDK's HTTP client, the largest
 * share of a start's classes) and then the read of the management cluster's identity, the start's first wait on the
 * API server. Meanwhile the main thread reads the flags, sets up logging and builds the operator; it waits only where
 * it needs the client, and the identity (README, "Provider start and memory").
 */
final class BackgroundStart {

    /** What the provider talks to the API server with, and the registry that counts those requests. */
    record Connection(PrometheusMeterRegistry registry, KubernetesClient client) {}

    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private final CompletableFuture<ClusterOwners> identity = new CompletableFuture<>();

    private BackgroundStart() {}

    /**
     * Starts the work; {@code namespace} says where the identity is kept, asked on the new thread (whatever it loads,
     * logging among it, is loaded there too).
     */
    static BackgroundStart begin(Supplier<String> namespace) {
        BackgroundStart start = new BackgroundStart();
        Thread thread = new Thread(() -> start.run(namespace), "start");
        // --help, --version or a refused flag end the process without waiting for the API server
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /** The registry and client, once built; what building them threw, on the caller's thread. */
    Connection connection() {
        return join(connection);
    }

    /** The management cluster's identity, once read; {@link ClusterOwners#read}'s exception otherwise. */
    ClusterOwners identity() {
        return join(identity);
    }

    private void run(Supplier<String> namespace) {
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            KubeApiRequests requests = new KubeApiRequests(registry);
            KubernetesClient client = new KubernetesClientBuilder()
                    .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(KubeApiRequests.NAME, requests))
                    .build();
            connection.complete(new Connection(registry, client));
            identity.complete(ClusterOwners.read(client, namespace.get()));
        } catch (RuntimeException | Error e) {
            connection.completeExceptionally(e);
            identity.completeExceptionally(e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
