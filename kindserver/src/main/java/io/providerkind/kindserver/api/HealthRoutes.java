package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.providerkind.kindserver.clusters.ClusterService;
import io.providerkind.sdk.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness without credentials, for systemd, load balancers and scripts. Liveness says the
 * process answers HTTP; readiness adds that the Docker engine answers, without which nothing works.
 */
final class HealthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final ClusterService clusters;

    HealthRoutes(ClusterService clusters) {
        this.clusters = clusters;
    }

    @OpenApi(
            path = ApiPaths.HEALTHZ,
            methods = HttpMethod.GET,
            operationId = "healthz",
            tags = "health",
            summary = "Liveness: kindserver answers HTTP (no password needed)",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthStatus.class)))
    void healthz(Context ctx) {
        ctx.json(new HealthStatus("ok"));
    }

    @OpenApi(
            path = ApiPaths.READYZ,
            methods = HttpMethod.GET,
            operationId = "readyz",
            tags = "health",
            summary = "Readiness: the Docker engine answers (no password needed)",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthStatus.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "the Docker engine does not answer",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    void readyz(Context ctx) {
        boolean ready;
        try {
            ready = clusters.ready();
        } catch (RuntimeException e) {
            LOG.warn("readiness check failed: {}", e.toString());
            ready = false;
        }
        if (ready) {
            ctx.json(new HealthStatus("ready"));
        } else {
            ctx.status(503).json(new ErrorBody(ErrorCodes.NOT_READY, "the Docker engine does not answer"));
        }
    }
}
