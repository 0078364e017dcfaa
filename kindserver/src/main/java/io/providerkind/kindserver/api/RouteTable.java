package io.providerkind.kindserver.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.util.List;
import java.util.Set;

/** Every route kindserver serves but the OpenAPI document itself, in one list that is also its documentation. */
final class RouteTable {

    private RouteTable() {}

    static List<Route> of(ClusterRoutes clusters, ImageRoutes images, HealthRoutes health, MetricsRoute metrics) {
        // a cluster's GET first: Javalin tries a request's path against the routes of its method in this order, a
        // regular expression each, several times a request, and that GET is what every provider poll asks
        return List.of(
                new Route(
                        GET,
                        ApiPaths.CLUSTER,
                        Access.PASSWORD,
                        Set.of(200, 304, 400, 401, 404, 429, 503),
                        clusters::get),
                new Route(GET, ApiPaths.CLUSTERS, Access.PASSWORD, Set.of(200, 401, 429, 503), clusters::list),
                new Route(
                        POST,
                        ApiPaths.CLUSTER,
                        Access.PASSWORD,
                        Set.of(200, 202, 400, 401, 409, 413, 429, 503),
                        clusters::create),
                new Route(
                        DELETE,
                        ApiPaths.CLUSTER,
                        Access.PASSWORD,
                        Set.of(202, 400, 401, 404, 409, 429, 503),
                        clusters::delete),
                new Route(
                        POST,
                        ApiPaths.IMAGES,
                        Access.PASSWORD,
                        Set.of(202, 400, 401, 404, 409, 413, 429, 503),
                        images::load),
                new Route(GET, ApiPaths.HEALTHZ, Access.PUBLIC, Set.of(200), health::healthz),
                new Route(GET, ApiPaths.READYZ, Access.PUBLIC, Set.of(200, 503), health::readyz),
                new Route(GET, ApiPaths.METRICS, Access.PASSWORD, Set.of(200, 401, 429), metrics::scrape));
    }
}
