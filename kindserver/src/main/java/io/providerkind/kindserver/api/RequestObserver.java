package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.providerkind.sdk.WaitForChange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Called by Javalin once per finished request: records its latency by route template, method and status
 * ({@code http_server_requests_seconds} in Prometheus, the name dashboards expect) and logs one debug line. A GET held
 * for a change ({@code ?waitForChange}) is its own route, {@code <template>?waitForChange}: its time is mostly the
 * wait, which would otherwise swamp the latency of every plain GET of the route.
 * Neither ever touches headers, so the password cannot reach a log or a metric label.
 */
final class RequestObserver implements RequestLogger {

    static final String METRIC = "http.server.requests";
    private static final Logger LOG = LoggerFactory.getLogger("io.providerkind.kindserver.requests");

    /** The few label combinations a route table allows; looked up here rather than re-registered per request. */
    private record Series(String method, String route, int status) {}

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    RequestObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        String route = route(ctx);
        int status = ctx.statusCode();
        timers.computeIfAbsent(new Series(ctx.method().name(), route, status), this::timer)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} {} {}ms route={}",
                    ctx.method(),
                    ctx.path(),
                    status,
                    String.format(java.util.Locale.ROOT, "%.1f", executionTimeMs),
                    route);
        }
    }

    private Timer timer(Series series) {
        return Timer.builder(METRIC)
                .description("HTTP requests kindserver answered")
                .tag("method", series.method())
                .tag("route", series.route())
                .tag("status", Integer.toString(series.status()))
                .tag("outcome", outcome(series.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * The matched route template, or {@code unmatched} for requests no route took (404, 405): raw paths
     * would give every scanner's probe its own time series.
     */
    static String route(Context ctx) {
        String template;
        try {
            template = ctx.endpointHandlerPath();
        } catch (IllegalStateException noEndpoint) {
            return "unmatched";
        }
        return ctx.queryParam(WaitForChange.PARAMETER) == null ? template : template + "?" + WaitForChange.PARAMETER;
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return "SUCCESS";
    }
}
