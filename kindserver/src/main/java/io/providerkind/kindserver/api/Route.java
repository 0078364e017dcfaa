package io.providerkind.kindserver.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * One entry of kindserver's route table.
 *
 * @param method   the HTTP method
 * @param path     the path template, as Javalin and the OpenAPI document write it
 * @param access   whether the password is needed
 * @param statuses every status the route answers with itself (a test holds the OpenAPI document to these)
 * @param handler  what answers
 */
public record Route(HandlerType method, String path, Access access, Set<Integer> statuses, Handler handler) {

    public Route {
        statuses = Set.copyOf(statuses);
    }
}
