package io.providerkind.provider.runtime;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the provider's requests to the Kubernetes API by HTTP method, as client-go's
 * {@code rest_client_requests_total}: the number that says whether an unchanged cluster really costs
 * no writes per poll. Installed as a fabric8 HTTP interceptor on the provider's client.
 */
public final class KubeApiRequests implements Interceptor {

    public static final String NAME = "kube-api-requests";

    private final MeterRegistry registry;
    private final Map<String, Counter> byMethod = new ConcurrentHashMap<>();
    private final LongAdder writes = new LongAdder();
    private final LongAdder reads = new LongAdder();

    public KubeApiRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String method = request.method().toUpperCase(Locale.ROOT);
        byMethod.computeIfAbsent(
                        method,
                        m -> Counter.builder("rest_client_requests")
                                .description("Requests to the Kubernetes API, by HTTP method")
                                .tag("method", m)
                                .register(registry))
                .increment();
        if (method.equals("GET") || method.equals("HEAD")) {
            reads.increment();
        } else {
            writes.increment();
        }
    }

    /** Every request that is not a read (POST, PUT, PATCH, DELETE) since start. */
    public long writes() {
        return writes.sum();
    }

    /** Every GET and HEAD since start: single reads, lists, and the watches informers open. */
    public long reads() {
        return reads.sum();
    }
}
