package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.providerkind.sdk.ErrorBody;

/** Prometheus scrape endpoint: kindserver's requests, the engine's cluster metrics and the JVM's. */
final class MetricsRoute {

    /** Prometheus text exposition format 0.0.4, which every Prometheus version scrapes. */
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsRoute(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @OpenApi(
            path = ApiPaths.METRICS,
            methods = HttpMethod.GET,
            operationId = "metrics",
            tags = "operations",
            summary = "Prometheus metrics (text exposition format)",
            security = @OpenApiSecurity(name = ClusterRoutes.SECURITY),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "string", mimeType = "text/plain")),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "too many wrong passwords from this address; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }
}
