package io.providerkind.kindserver.api;

import io.javalin.security.RouteRole;

/** Who may call a route. A route registered without a role needs the password: the safe default. */
public enum Access implements RouteRole {
    /** Health probes: load balancers and systemd watchdogs call them without credentials. */
    PUBLIC,
    /** Everything else. */
    PASSWORD
}
