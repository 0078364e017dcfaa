package io.providerkind.kindserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.community.ssl.SslPlugin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.providerkind.kindserver.clusters.ClusterService;
import io.providerkind.kindserver.tls.TlsIdentity;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterList;
import io.providerkind.sdk.CreateClusterRequest;
import io.providerkind.sdk.ErrorBody;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.KindServerJson;
import io.providerkind.sdk.LoadImagesRequest;
import io.providerkind.sdk.LocalRegistry;
import io.providerkind.sdk.NodeInfo;
import io.providerkind.sdk.Progress;
import java.time.Clock;
import java.util.List;

/**
 * kindserver's HTTPS API: Javalin on Jetty, TLS only, the route table, password check, JSON errors,
 * request metrics and the OpenAPI document. Knows clusters only through {@link ClusterService}.
 */
public final class HttpApi {

    private final Javalin app;
    private final List<Route> routes;
    private final ChangeWaits waits;

    private HttpApi(Javalin app, List<Route> routes, ChangeWaits waits) {
        this.app = app;
        this.routes = routes;
        this.waits = waits;
    }

    /** Binds and starts serving; throws when the port cannot be bound or the TLS identity is unusable. */
    public static HttpApi start(
            ApiSettings settings,
            TlsIdentity tls,
            Password password,
            ClusterService clusters,
            PrometheusMeterRegistry metrics,
            Clock clock) {
        ObjectMapper json = KindServerJson.newObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        ClusterAnswers answers = new ClusterAnswers(json);
        ChangeWaits waits = new ChangeWaits(clusters, answers, metrics, ChangeWaits.MAX_WAITING);
        clusters.subscribe(waits);
        RequestBodies bodies = new RequestBodies(json, settings.maxBodyBytes());
        List<Route> routes = RouteTable.of(
                new ClusterRoutes(clusters, bodies, answers, waits),
                new ImageRoutes(clusters, bodies, answers),
                new HealthRoutes(clusters),
                new MetricsRoute(metrics));
        Authentication authentication = new Authentication(
                password, new AuthenticationThrottle(clock, metrics, AuthenticationThrottle.Policy.defaults()));
        Javalin app = Javalin.create(config -> configure(config, settings, tls, authentication, metrics, json, routes));
        try {
            app.start();
        } catch (RuntimeException e) {
            waits.close();
            throw e;
        }
        return new HttpApi(app, routes, waits);
    }

    private static void configure(
            JavalinConfig config,
            ApiSettings settings,
            TlsIdentity tls,
            Authentication authentication,
            PrometheusMeterRegistry metrics,
            ObjectMapper json,
            List<Route> routes) {
        config.showJavalinBanner = false;
        config.jsonMapper(new JavalinJackson(json, false));
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.requestLogger.http(new RequestObserver(metrics));
        JsonErrorHandler errors = new JsonErrorHandler(json);
        config.registerPlugin(new SslPlugin(ssl -> {
            ssl.pemFromString(tls.certificatePem(), tls.privateKeyPem());
            ssl.host = settings.host();
            ssl.securePort = settings.port();
            ssl.insecure = false; // TLS only: the password travels in every request
            // HTTP/1.1 only: the SDK and curl speak it; HTTP/2 would add attack surface and answer malformed
            // requests with stream resets instead of kindserver's JSON errors
            ssl.http2 = false;
            // clients may reach kindserver by an address the certificate does not name (insecureSkipVerify)
            ssl.sniHostCheck = false;
            Transport.configure(ssl, settings.transport(), errors);
        }));
        Transport.configure(config.jetty, settings.transport());
        config.registerPlugin(new OpenApiPlugin(openApi -> openApi.withDocumentationPath(ApiPaths.OPENAPI)
                .withRoles(Access.PASSWORD)
                .withDefinitionConfiguration((version, definition) -> definition
                        .withInfo(info -> info.title("kindserver")
                                .version("v1")
                                .description("Creates, lists and deletes kind clusters on this Docker host."))
                        .withSecurity(security -> security.withBearerAuth(ClusterRoutes.SECURITY, bearer -> {}))
                        .withDefinitionProcessor(new RecordSchemas(List.of(
                                ClusterInfo.class,
                                ClusterList.class,
                                NodeInfo.class,
                                Progress.class,
                                CreateClusterRequest.class,
                                LoadImagesRequest.class,
                                ImageLoad.class,
                                LocalRegistry.class,
                                ErrorBody.class,
                                HealthStatus.class))))));
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(errors);
            server.setStopTimeout(settings.stopTimeout().toMillis()); // graceful: in-flight requests finish
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
        config.router.mount(router -> {
            router.beforeMatched(authentication);
            for (Route route : routes) {
                router.addHttpHandler(route.method(), route.path(), route.handler(), route.access());
            }
            ApiErrors.register(router);
        });
    }

    /** The port actually bound (useful when 0 was asked for). */
    public int port() {
        return app.port();
    }

    /** The routes served, for documentation and tests. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * Stops accepting connections and waits (up to the stop timeout) for requests in flight; GETs waiting for a
     * change are answered 503 first, as they would otherwise hold the stop for their whole timeout.
     */
    public void stop() {
        waits.close();
        app.stop();
    }
}
