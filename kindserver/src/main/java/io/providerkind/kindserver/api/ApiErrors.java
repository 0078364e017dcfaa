package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import io.providerkind.kindserver.clusters.ClusterConflictException;
import io.providerkind.kindserver.clusters.ServiceUnavailableException;
import io.providerkind.kindserver.kind.InvalidRequestException;
import io.providerkind.kindserver.net.AddressUnavailableException;
import io.providerkind.sdk.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers: every error is {@code {"error","message"}} JSON with
 * the status that says what went wrong. Anything unexpected is a 500 with a generic message and a single
 * log line that carries the detail; no stack trace or internal text ever reaches a client.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void register(JavalinDefaultRouting routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage()));
        routes.exception(
                InvalidRequestException.class, (e, ctx) -> write(ctx, 400, ErrorCodes.BAD_REQUEST, e.getMessage()));
        routes.exception(
                ClusterConflictException.class, (e, ctx) -> write(ctx, 409, ErrorCodes.CONFLICT, e.getMessage()));
        routes.exception(HttpResponseException.class, ApiErrors::fromJavalin);
        routes.exception(
                AddressUnavailableException.class, (e, ctx) -> write(ctx, 503, ErrorCodes.NOT_READY, e.getMessage()));
        routes.exception(ServiceUnavailableException.class, (e, ctx) -> {
            ctx.header(Header.RETRY_AFTER, "5");
            write(ctx, 503, ErrorCodes.NOT_READY, e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error(
                    "unexpected failure answering {} {} (route {})",
                    ctx.method(),
                    ctx.path(),
                    RequestObserver.route(ctx),
                    e);
            write(
                    ctx,
                    500,
                    ErrorCodes.INTERNAL_ERROR,
                    "kindserver failed to answer this request; its log has the cause");
        });
    }

    /** Javalin's own answers: no route (404), another method (405), its body limits (413). */
    private static void fromJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 405) {
            String allowed = e.getDetails().getOrDefault("availableMethods", "");
            ctx.header(Header.ALLOW, allowed);
            write(
                    ctx,
                    status,
                    ErrorCodes.METHOD_NOT_ALLOWED,
                    ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allowed);
        } else if (status == 404) {
            write(ctx, status, ErrorCodes.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path());
        } else {
            write(ctx, status, ErrorCodes.forStatus(status), e.getMessage());
        }
    }

    private static void write(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ErrorBody(code, message));
    }
}
