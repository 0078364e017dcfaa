package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Every error kindserver answers with: a short machine-readable {@code error} code (for example
 * {@code not_found}, {@code conflict}, {@code unauthorized}, {@code bad_request}) and a message for people.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorBody(String error, String message) {

    /**
     * The error code kindserver gives a 404 for a cluster it does not know. Any other 404 (an unknown
     * route because the endpoint's path is wrong, a proxy's page) must never read as "the cluster is
     * gone": a caller deleting on that answer would drop its finalizer and leak the cluster.
     */
    public static final String CLUSTER_NOT_FOUND = "cluster_not_found";
}
